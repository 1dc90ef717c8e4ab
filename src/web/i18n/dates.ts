/**
 * Dates for the pages in kk, ru and en, on the registry's calendar (Asia/Almaty). Free of the DOM,
 * so the browser modules (through src/browser/format.ts) and Node tests use the same code.
 */
import { almatyWallClock } from '../../domain/calendar.js';
import type { Language } from './languages.js';

const LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * Kazakh month names in the nominative, as dates are written in Kazakh ("2026 ж. 4 желтоқсан").
 * Chromium ships no Kazakh month names and prints "2026 M12 4", so Kazakh never goes through
 * Intl's `kk` data; Russian and English do, as they render correctly.
 */
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

/** Year, month, day (zero-padded) and time of an instant as Almaty's wall clock shows them. */
function almatyParts(instant: Date) {
  const wall = almatyWallClock(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(wall.year),
    month: two(wall.month),
    day: two(wall.day),
    time: `${two(wall.hour)}:${two(wall.minute)}`,
  };
}

/** `2026 ж. 4 желтоқсан`; the month is `01`..`12`. */
function kazakhDay(year: string, month: string, date: string): string {
  return `${year} ж. ${Number(date)} ${KK_MONTHS[Number(month) - 1]}`;
}

/** Dates and times as Almaty reads them: the registry's calendar is Asia/Almaty. */
export function dateTime(lang: Language, iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;

  if (lang === 'kk') {
    const { year, month, day, time } = almatyParts(instant);
    return `${kazakhDay(year, month, day)}, ${time}`;
  }
  return new Intl.DateTimeFormat(LOCALE[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Almaty',
  }).format(instant);
}

/** A calendar day (`YYYY-MM-DD`) in words; a value of another shape is shown as it came. */
export function day(lang: Language, date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;

  const [, year = '', month = '', dayOfMonth = ''] = match;
  if (lang === 'kk') return kazakhDay(year, month, dayOfMonth);
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A calendar day in digits, `04.12.2026`, as papers in all three languages write it. */
export function shortDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}
