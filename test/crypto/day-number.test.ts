import { describe, expect, it } from 'vitest';

import { dayFromDaysSinceEpoch, daysSinceEpoch } from '../../src/crypto/day-number.js';

describe('days since 1970-01-01', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-02-29', 11_016],
    ['2026-07-15', 20_649],
    ['2149-06-06', 65_535],
  ])('%s is day %i', (day, days) => {
    expect(daysSinceEpoch(day)).toBe(days);
    expect(dayFromDaysSinceEpoch(days)).toBe(day);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-7-1', '26-07-01', '0050-01-01', ''])(
    'refuses %j',
    (day) => {
      expect(daysSinceEpoch(day)).toBeNull();
    },
  );
});
