import { describe, expect, it } from 'vitest';

import { backoffDelay, parseRetryAfter } from '../../src/gateway/backoff.js';

const options = { baseDelayMs: 200, maxDelayMs: 2_000 };
const NOW = new Date('2026-12-03T06:00:00Z');

describe('backoffDelay', () => {
  it.each([
    [1, 100, 200],
    [2, 200, 400],
    [3, 400, 800],
    [4, 800, 1_600],
    [5, 1_000, 2_000],
    [9, 1_000, 2_000],
  ])('waits between half and all of the step before retry %i', (retry, low, high) => {
    expect(backoffDelay(retry, options, () => 0)).toBe(low);
    expect(backoffDelay(retry, options, () => 0.999_999)).toBe(high);
  });

  it('spreads retries that failed together', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => backoffDelay(3, options, () => r));

    expect(new Set(delays).size).toBe(3);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['3', 3_000],
    [' 120 ', 120_000],
    ['Thu, 03 Dec 2026 06:00:30 GMT', 30_000],
    ['Thu, 03 Dec 2026 05:59:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([[null], ['soon'], ['-5'], ['1.5'], ['']])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});
