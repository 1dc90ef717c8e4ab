import { describe, expect, it } from 'vitest';
import { dateTime, day, shortDay } from '../../src/web/i18n/dates.js';

// 08:31 UTC is 13:31 in Almaty (UTC+5).
const INSTANT = '2026-12-04T08:31:05Z';

describe('dates in the browser pages', () => {
  it('writes Kazakh days with our own month names, not Intl kk data ("2026 M12 4")', () => {
    expect(day('kk', '2026-12-04')).toBe('2026 ж. 4 желтоқсан');
    expect(day('kk', '2027-01-31')).toBe('2027 ж. 31 қаңтар');
    expect(day('kk', '2026-04-09')).toBe('2026 ж. 9 сәуір');
    expect(day('kk', '2026-09-01')).toBe('2026 ж. 1 қыркүйек');
  });

  it('names all twelve months in Kazakh', () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      day('kk', `2026-${String(i + 1).padStart(2, '0')}-15`).replace('2026 ж. 15 ', ''),
    );
    expect(months).toEqual([
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
    ]);
  });

  it('writes a Kazakh date and time on the Almaty clock, 24-hour', () => {
    expect(dateTime('kk', INSTANT)).toBe('2026 ж. 4 желтоқсан, 13:31');
    // 20:30 UTC on 31 December is already the next year in Almaty.
    expect(dateTime('kk', '2026-12-31T20:30:00Z')).toBe('2027 ж. 1 қаңтар, 01:30');
  });

  it('keeps Intl for Russian and English, on the Almaty clock', () => {
    expect(day('ru', '2026-12-04')).toBe('4 декабря 2026 г.');
    expect(day('en', '2026-12-04')).toBe('4 December 2026');
    expect(dateTime('ru', INSTANT)).toBe('4 дек. 2026 г., 13:31');
    expect(dateTime('en', INSTANT)).toBe('4 Dec 2026, 13:31');
  });

  it('writes short days as 04.12.2026 in every language', () => {
    expect(shortDay('2026-12-04')).toBe('04.12.2026');
  });

  it('shows a value that is not a date as it came, rather than guessing', () => {
    expect(day('kk', '2026-12')).toBe('2026-12');
    expect(day('ru', 'soon')).toBe('soon');
    expect(shortDay('04.12.2026')).toBe('04.12.2026');
    expect(dateTime('kk', 'not a date')).toBe('not a date');
    expect(dateTime('en', 'not a date')).toBe('not a date');
  });
});
