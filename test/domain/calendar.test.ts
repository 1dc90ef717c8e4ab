import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  ageOn,
  compareDays,
  endOfLocalDay,
  isValidDay,
  localDay,
  startOfLocalDay,
  TIME_ZONE,
} from '../../src/domain/calendar.js';

const at = (iso: string) => new Date(iso);

// An independent reading of the Almaty day: the en-CA locale formats dates as YYYY-MM-DD.
const referenceDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

describe('the runtime time-zone data', () => {
  it('knows that Almaty moved to UTC+5 on 2024-03-01', () => {
    const hour = new Intl.DateTimeFormat('en-US', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      hourCycle: 'h23',
    });

    expect(hour.format(at('2023-06-01T00:00:00Z'))).toBe('06');
    expect(hour.format(at('2024-06-01T00:00:00Z'))).toBe('05');
  });
});

describe('localDay', () => {
  it.each([
    ['2027-03-01T18:59:59.999Z', '2027-03-01'],
    ['2027-03-01T19:00:00.000Z', '2027-03-02'],
    ['2027-02-28T19:00:00.000Z', '2027-03-01'],
    ['2027-02-28T18:59:59.999Z', '2027-02-28'],
    // Under UTC+6, before the change, the day turned an hour earlier.
    ['2023-06-01T17:59:59.999Z', '2023-06-01'],
    ['2023-06-01T18:00:00.000Z', '2023-06-02'],
    ['2025-12-31T19:00:00.000Z', '2026-01-01'],
  ])('places %s on %s', (instant, day) => {
    expect(localDay(at(instant))).toBe(day);
  });

  it('refuses an invalid Date', () => {
    expect(() => localDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('startOfLocalDay and endOfLocalDay', () => {
  it('bound a day under UTC+5', () => {
    expect(startOfLocalDay('2027-03-01').toISOString()).toBe('2027-02-28T19:00:00.000Z');
    expect(endOfLocalDay('2027-03-01').toISOString()).toBe('2027-03-01T18:59:59.999Z');
  });

  it('bound a day under UTC+6, before the change', () => {
    expect(startOfLocalDay('2023-06-01').toISOString()).toBe('2023-05-31T18:00:00.000Z');
    expect(endOfLocalDay('2023-06-01').toISOString()).toBe('2023-06-01T17:59:59.999Z');
  });

  it('give 29 February 2024, the day of the change, its 25 hours', () => {
    const start = startOfLocalDay('2024-02-29');
    const end = endOfLocalDay('2024-02-29');

    expect(start.toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(end.toISOString()).toBe('2024-02-29T18:59:59.999Z');
    expect(end.getTime() + 1 - start.getTime()).toBe(25 * 3_600_000);
    expect(startOfLocalDay('2024-03-01').toISOString()).toBe('2024-02-29T19:00:00.000Z');
  });

  it('make a certificate valid until a day expire one millisecond after its end', () => {
    const end = endOfLocalDay('2027-03-01');

    expect(localDay(end)).toBe('2027-03-01');
    expect(localDay(new Date(end.getTime() + 1))).toBe('2027-03-02');
  });

  it('agree with a brute-force search on every day of the years with clock changes', () => {
    // 1981-1991: Soviet summer time, whose spring change skipped local midnight; 2024: UTC+5.
    for (const year of [1981, 1982, 1991, 1992, 2004, 2005, 2024]) {
      for (let day = `${year}-01-01`; day < `${year + 1}-01-01`; day = addDays(day, 1)) {
        expect(startOfLocalDay(day).getTime(), day).toBe(firstInstantBySearch(day));
      }
    }
  });

  it('refuse a day that does not exist', () => {
    expect(() => startOfLocalDay('2027-02-29')).toThrow(RangeError);
    expect(() => endOfLocalDay('2027-3-1')).toThrow(RangeError);
  });
});

describe('isValidDay', () => {
  it.each(['2024-02-29', '2000-02-29', '2027-03-01', '0001-01-01', '9999-12-31', '2024-04-30'])(
    'accepts %s',
    (text) => {
      expect(isValidDay(text)).toBe(true);
    },
  );

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-01',
    '24-01-01',
    ' 2024-01-01',
    '2024-01-01T00:00',
    '2024/01/01',
    '0000-01-01',
    '２０２４-０１-０１',
    '',
  ])('refuses %j', (text) => {
    expect(isValidDay(text)).toBe(false);
  });
});

describe('compareDays', () => {
  it('orders days by the calendar', () => {
    expect(compareDays('2026-01-01', '2026-01-02')).toBeLessThan(0);
    expect(compareDays('2026-01-02', '2026-01-01')).toBeGreaterThan(0);
    expect(compareDays('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareDays('2025-12-31', '2026-01-01')).toBeLessThan(0);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-05-20', 0, '2026-05-20'],
    ['0050-01-01', 1, '0050-01-02'],
  ] as const)('%s plus %i is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});

describe('addYears', () => {
  it.each([
    ['2016-03-10', 14, '2030-03-10'],
    ['2012-02-29', 14, '2026-02-28'],
    ['2012-02-29', 1, '2013-02-28'],
    ['2012-02-29', 4, '2016-02-29'],
    ['2010-02-28', 18, '2028-02-28'],
    ['2010-03-01', 18, '2028-03-01'],
    ['2026-02-28', -2, '2024-02-28'],
    ['2024-02-29', -1, '2023-02-28'],
  ] as const)(
    '%s plus %i years is %s (29 February falls back to 28 February)',
    (day, n, expected) => {
      expect(addYears(day, n)).toBe(expected);
    },
  );
});

describe('ageOn', () => {
  it.each([
    ['2012-03-10', '2026-03-09', 13],
    ['2012-03-10', '2026-03-10', 14],
    ['2012-03-10', '2026-03-11', 14],
    ['2012-02-29', '2026-02-27', 13],
    ['2012-02-29', '2026-02-28', 14],
    ['2012-02-29', '2028-02-28', 15],
    ['2012-02-29', '2028-02-29', 16],
    ['2026-05-20', '2026-05-20', 0],
    ['2026-05-21', '2026-05-20', -1],
  ] as const)('born %s is aged %i on %s', (birthDate, day, age) => {
    expect(ageOn(birthDate, day)).toBe(age);
  });
});

/** The first instant whose Almaty day is `day`, found by bisection: an independent reference. */
function firstInstantBySearch(day: string): number {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  let low = noonUtc - 36 * 3_600_000;
  let high = noonUtc;

  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (referenceDay.format(middle) >= day) high = middle;
    else low = middle + 1;
  }

  return low;
}
