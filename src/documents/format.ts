import { almatyWallClock } from '../domain/calendar.js';
import type { Day, Person } from '../domain/certificate.js';

/**
 * Kazakh and Russian official papers write dates as DD.MM.YYYY. The day is rearranged as text, so
 * no time zone can shift it; a value not shaped `YYYY-MM-DD` is shown as stored rather than
 * guessed at.
 */
export function formatDay(day: Day): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;

  const [, year, month, date] = match;
  return `${date}.${month}.${year}`;
}

/**
 * An issue instant as the wall clock of Kazakhstan showed it, `DD.MM.YYYY HH:MM`: the applicant
 * compares it with the time the portal told them, not with UTC.
 */
export function formatInstant(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;

  const wall = almatyWallClock(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(wall.day)}.${two(wall.month)}.${wall.year} ${two(wall.hour)}:${two(wall.minute)}`;
}

/** Surname, given name and patronymic, in the order both languages use on official papers. */
export function fullName(person: Person): string {
  return [person.lastName, person.firstName, person.middleName]
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' ');
}
