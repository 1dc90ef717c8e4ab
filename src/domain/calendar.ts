/**
 * Calendar days as Kazakhstan counts them. Certificates are valid "until" a day, and that day is a
 * day in Almaty, not in UTC: the whole country has kept one zone, UTC+5, since 2024-03-01 (before
 * that Almaty and the east were on UTC+6). The offset is taken from the runtime's time-zone data
 * through `Intl`, never hard-coded, so past instants keep the offset they had.
 *
 * Days are `YYYY-MM-DD` strings in the proleptic Gregorian calendar, years 0001 to 9999.
 */

import type { Day } from './certificate.js';

export const TIME_ZONE = 'Asia/Almaty';

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// One formatter, built once: constructing Intl formatters is the expensive part.
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** True when `text` is exactly `YYYY-MM-DD` and names a real date (2023-02-29 is not one). */
export function isValidDay(text: string): boolean {
  const match = DAY_PATTERN.exec(text);
  if (!match) return false;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Orders two days: negative when `a` is earlier, zero when equal, positive when later. */
export function compareDays(a: Day, b: Day): number {
  // The strict four-digit format makes string order the calendar order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  const { year, month, day: date } = parseDay(day);
  return fromEpochDay(toEpochDay(year, month, date) + n);
}

/**
 * The same month and day `n` years later. A 29 February that lands in a common year becomes
 * 28 February: periods counted in years end "on the corresponding month and day of the last year,
 * and on the last day of that month when it has no such day" (Law of the Republic of Kazakhstan
 * No. 107-II on administrative procedures, art. 12-1 p. 2; civil law counts terms the same way).
 * So a child born on 29 February 2012 turns 14 on 28 February 2026, not on 1 March.
 */
export function addYears(day: Day, n: number): Day {
  const { year, month, day: date } = parseDay(day);
  const targetYear = year + n;
  return formatDay(targetYear, month, Math.min(date, daysInMonth(targetYear, month)));
}

/**
 * Age in whole years on `day` for someone born on `birthDate`: the number of birthdays (as
 * `addYears` places them) that have come by that day. Negative when `day` is before the birth.
 */
export function ageOn(birthDate: Day, day: Day): number {
  const birthYear = parseDay(birthDate).year;
  const years = parseDay(day).year - birthYear;
  return compareDays(addYears(birthDate, years), day) <= 0 ? years : years - 1;
}

/** The Almaty calendar day current at `instant`. */
export function localDay(instant: Date): Day {
  const wall = wallClockParts(instant.getTime());
  return formatDay(wall.year, wall.month, wall.day);
}

/**
 * Day starts already worked out. The answer depends on the day alone (and the tz data, fixed for
 * the life of a process), and verification asks for the same few days on every scan, where the
 * Intl formatting behind it was a measurable share of the cost. Bounded, so it cannot grow.
 */
const dayStarts = new Map<Day, number>();
const DAY_STARTS_KEPT = 4_096;

/** The first instant of `day` in Almaty. */
export function startOfLocalDay(day: Day): Date {
  const known = dayStarts.get(day);
  if (known !== undefined) return new Date(known);

  const start = computeStartOfLocalDay(day);
  if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
  dayStarts.set(day, start);
  return new Date(start);
}

function computeStartOfLocalDay(day: Day): number {
  const { year, month, day: date } = parseDay(day);
  const midnightAsUtc = toEpochDay(year, month, date) * DAY_MS;

  // Guess with the offset at UTC midnight, then correct once with the offset at the guess; this
  // settles every day whose local midnight exists.
  let guess = midnightAsUtc - offsetAt(midnightAsUtc);
  guess = midnightAsUtc - offsetAt(guess);
  if (isFirstInstantOf(guess, day)) return guess;

  // A day whose midnight was skipped by a clock change: search for its first instant instead.
  return searchFirstInstant(day, midnightAsUtc);
}

/**
 * The last instant at which `day` is still current in Almaty (…T23:59:59.999 local). A certificate
 * valid until that day is valid up to and including this instant, and expired one millisecond on.
 */
export function endOfLocalDay(day: Day): Date {
  const known = dayEnds.get(day);
  if (known !== undefined) return new Date(known);

  const end = startOfLocalDay(addDays(day, 1)).getTime() - 1;
  if (dayEnds.size >= DAY_STARTS_KEPT) dayEnds.clear();
  dayEnds.set(day, end);
  return new Date(end);
}

/** Day ends already worked out, for the same reason and with the same bound as day starts. */
const dayEnds = new Map<Day, number>();

function isFirstInstantOf(instant: number, day: Day): boolean {
  const here = localDay(new Date(instant));
  const before = localDay(new Date(instant - 1));
  return here === day && before !== day;
}

function searchFirstInstant(day: Day, midnightAsUtc: number): number {
  // Offsets on Earth stay within ±14 h, so the start of the day lies in this window. Local days
  // never run backwards in Asia/Almaty, which makes the predicate monotonic.
  let low = midnightAsUtc - 15 * 3_600_000;
  let high = midnightAsUtc + 15 * 3_600_000;

  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (compareDays(localDay(new Date(middle)), day) >= 0) high = middle;
    else low = middle + 1;
  }

  return low;
}

/** Milliseconds by which Almaty wall time runs ahead of UTC at `instant`. */
function offsetAt(instant: number): number {
  const wall = wallClockParts(instant);
  const wallAsUtc =
    toEpochDay(wall.year, wall.month, wall.day) * DAY_MS +
    ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/** What Almaty's wall clock showed at `instant`: the parts as numbers (month 1 to 12). */
export function almatyWallClock(instant: Date): DayParts & {
  hour: number;
  minute: number;
  second: number;
} {
  return wallClockParts(instant.getTime());
}

function wallClockParts(
  instant: number,
): DayParts & { hour: number; minute: number; second: number } {
  if (!Number.isFinite(instant)) throw new RangeError('calendar: expected a valid Date');

  const parts: Record<string, number> = {};
  for (const part of wallClock.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }

  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

function parseDay(day: Day): DayParts {
  if (!isValidDay(day)) throw new RangeError('calendar: expected a real day as YYYY-MM-DD');
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

function formatDay(year: number, month: number, day: number): Day {
  if (year < 1 || year > 9999) throw new RangeError('calendar: year outside 0001..9999');
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toEpochDay(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 onto the 1900s.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function fromEpochDay(epochDay: number): Day {
  const date = new Date(epochDay * DAY_MS);
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
