import { customType } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL's text form of `timestamptz` in the ISO date style: `2026-12-04 06:19:00.123456+00`,
 * the offset possibly with minutes and seconds, years of four or more digits, ` BC` before year 1.
 */
const PG_TIMESTAMPTZ =
  /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d+))?([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?( BC)?$/;

/**
 * Reads PostgreSQL's text for a `timestamptz` as a `Date`, for any year. `new Date(text)` (what
 * drizzle's own `timestamp` column does) reads this non-ISO form with the legacy parser, which
 * takes `0001` for 2001, `0050` for 1950 and refuses `0026` outright.
 */
export function parseInstant(text: string): Date {
  const match = PG_TIMESTAMPTZ.exec(text);
  if (!match) throw new Error('unexpected timestamptz text from the database');
  const [, year, month, day, hour, minute, second, fraction, sign, oh, om, os, bc] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0 to 99 onto 1900 to 1999.
  date.setUTCFullYear(bc ? 1 - Number(year) : Number(year), Number(month) - 1, Number(day));
  const milliseconds = Number(`${fraction ?? ''}000`.slice(0, 3));
  date.setUTCHours(Number(hour), Number(minute), Number(second), milliseconds);
  const offset = (Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0)) * 1000;
  return new Date(date.getTime() - (sign === '-' ? -offset : offset));
}

/** A `timestamptz` column read and written as a `Date`, exact to the millisecond for any year. */
export const instant = customType<{ data: Date; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  toDriver: (value) => (value as Date).toISOString(),
  fromDriver: (value) => (value instanceof Date ? value : parseInstant(value)),
});
