/**
 * A circuit breaker in front of one state source. While the source keeps failing, callers are
 * turned away at once instead of each waiting out its own timeouts and retries, which would tie
 * up the workers and add load to a system that is already struggling.
 *
 *   closed     every call goes through; `failureThreshold` failures in a row open the circuit
 *   open       every call is refused until `coolDownMs` has passed since it opened
 *   half_open  one trial call goes through: success closes the circuit, failure opens it again
 *
 * Time comes from the injected clock, so tests move it by hand.
 */

import type { Clock } from '../runtime/clock.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Failures in a row that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before it lets a trial through. */
  coolDownMs: number;
  clock: Clock;
}

/** The answer to "may I call now?": when not, how long until asking again makes sense. */
export type Permit = { allowed: true } | { allowed: false; retryAfterMs: number };

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
      throw new RangeError('CircuitBreaker: failureThreshold must be a positive integer');
    }
    if (!(options.coolDownMs >= 0)) {
      throw new RangeError('CircuitBreaker: coolDownMs must be zero or more');
    }
  }

  /** The state now; an open circuit whose cool-down has passed reads as half-open. */
  get state(): BreakerState {
    if (this.current === 'open' && this.coolDownLeft() === 0) return 'half_open';
    return this.current;
  }

  /**
   * Asks to make one call. An allowed call must be followed by exactly one `success()` or
   * `failure()`; in the half-open state only one call at a time is allowed.
   */
  acquire(): Permit {
    if (this.current === 'closed') return { allowed: true };

    if (this.current === 'open') {
      const left = this.coolDownLeft();
      if (left > 0) return { allowed: false, retryAfterMs: left };
      this.current = 'half_open';
    }

    if (this.trialInFlight) return { allowed: false, retryAfterMs: this.options.coolDownMs };
    this.trialInFlight = true;
    return { allowed: true };
  }

  /** The call reached a healthy source: the failure count starts over. */
  success(): void {
    this.current = 'closed';
    this.failures = 0;
    this.trialInFlight = false;
  }

  /** The call failed in a way that says the source is unwell. */
  failure(): void {
    this.trialInFlight = false;

    if (this.current === 'half_open') {
      this.open();
      return;
    }

    this.failures += 1;
    if (this.current === 'closed' && this.failures >= this.options.failureThreshold) this.open();
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.options.clock.now().getTime();
  }

  private coolDownLeft(): number {
    const elapsed = this.options.clock.now().getTime() - this.openedAt;
    return Math.max(0, this.options.coolDownMs - elapsed);
  }
}
