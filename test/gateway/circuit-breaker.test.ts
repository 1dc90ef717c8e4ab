import { describe, expect, it } from 'vitest';

import { CircuitBreaker } from '../../src/gateway/circuit-breaker.js';
import { fixedClock } from '../../src/runtime/clock.js';

function breaker(failureThreshold = 3, coolDownMs = 10_000) {
  const clock = fixedClock('2026-12-03T06:00:00Z');
  return { clock, breaker: new CircuitBreaker({ failureThreshold, coolDownMs, clock }) };
}

function fail(subject: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) {
    expect(subject.acquire().allowed).toBe(true);
    subject.failure();
  }
}

describe('CircuitBreaker', () => {
  it('starts closed and lets calls through', () => {
    const { breaker: subject } = breaker();

    expect(subject.state).toBe('closed');
    expect(subject.acquire()).toEqual({ allowed: true });
  });

  it('opens after the threshold of failures in a row', () => {
    const { breaker: subject } = breaker(3);

    fail(subject, 2);
    expect(subject.state).toBe('closed');
    fail(subject, 1);

    expect(subject.state).toBe('open');
    expect(subject.acquire()).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });

  it('counts only failures in a row: a success starts the count over', () => {
    const { breaker: subject } = breaker(3);

    fail(subject, 2);
    subject.acquire();
    subject.success();
    fail(subject, 2);

    expect(subject.state).toBe('closed');
  });

  it('tells how much of the cool-down is left while open', () => {
    const { breaker: subject, clock } = breaker(1, 10_000);
    fail(subject, 1);

    clock.advance(7_500);

    expect(subject.acquire()).toEqual({ allowed: false, retryAfterMs: 2_500 });
  });

  it('turns half-open after the cool-down and lets exactly one trial through', () => {
    const { breaker: subject, clock } = breaker(1, 10_000);
    fail(subject, 1);

    clock.advance(10_000);

    expect(subject.state).toBe('half_open');
    expect(subject.acquire()).toEqual({ allowed: true });
    expect(subject.acquire()).toEqual({ allowed: false, retryAfterMs: 10_000 });
  });

  it('closes when the half-open trial succeeds', () => {
    const { breaker: subject, clock } = breaker(2, 10_000);
    fail(subject, 2);
    clock.advance(10_000);

    subject.acquire();
    subject.success();

    expect(subject.state).toBe('closed');
    fail(subject, 1);
    expect(subject.state).toBe('closed');
  });

  it('opens again, with a fresh cool-down, when the half-open trial fails', () => {
    const { breaker: subject, clock } = breaker(2, 10_000);
    fail(subject, 2);
    clock.advance(12_000);

    subject.acquire();
    subject.failure();

    expect(subject.state).toBe('open');
    expect(subject.acquire()).toEqual({ allowed: false, retryAfterMs: 10_000 });
    clock.advance(9_999);
    expect(subject.state).toBe('open');
    clock.advance(1);
    expect(subject.state).toBe('half_open');
  });

  it('refuses settings that could never open or never recover', () => {
    const clock = fixedClock('2026-12-03T06:00:00Z');

    expect(() => new CircuitBreaker({ failureThreshold: 0, coolDownMs: 1, clock })).toThrow(
      /failureThreshold must be a positive integer/,
    );
    expect(
      () => new CircuitBreaker({ failureThreshold: 1, coolDownMs: Number.NaN, clock }),
    ).toThrow(/coolDownMs must be zero or more/);
  });
});
