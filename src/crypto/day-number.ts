/**
 * Calendar days as whole days since 1970-01-01, the compact date form of the QR token. The
 * conversions are pure arithmetic on the proleptic Gregorian calendar; no clock is read.
 */

const MS_PER_DAY = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` day, or null when the text is not a real date in
 * that exact form (2026-02-30 and 2026-2-1 are both refused).
 */
export function daysSinceEpoch(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (match === null) return null;

  const [, year, month, date] = match.map(Number);
  if (year === undefined || month === undefined || date === undefined) return null;

  const ms = Date.UTC(year, month - 1, date);
  const days = ms / MS_PER_DAY;
  return dayFromDaysSinceEpoch(days) === day ? days : null;
}

/** The `YYYY-MM-DD` day that lies `days` whole days after 1970-01-01. */
export function dayFromDaysSinceEpoch(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}
