import type { Clock } from '../runtime/clock.js';

/**
 * A clock that tests can move forward in a Worker under `wrangler dev`, the way the Node tests
 * move `fixedClock`. It exists only when the Worker runs in demo mode with `DEV_CLOCK` set to
 * `controllable`, which only the test harness does; a deployment has the system clock.
 */
export interface ClockControl {
  advance(ms: number): void;
  now(): Date;
}

let offsetMs = 0;

const movableClock: Clock & ClockControl = {
  now: () => new Date(Date.now() + offsetMs),
  advance: (ms) => {
    offsetMs += ms;
  },
};

const systemClock: Clock = { now: () => new Date() };

/** The clock of this request: the system clock, or the movable one when the harness asked. */
export function workerClock(controllable: boolean): { clock: Clock; control?: ClockControl } {
  return controllable ? { clock: movableClock, control: movableClock } : { clock: systemClock };
}

/** `POST /api/v1/dev/clock {"advanceMs": n}` moves the clock on; answers the new time. */
export async function devClockRoute(
  request: Request,
  control: ClockControl,
): Promise<Response | undefined> {
  if (new URL(request.url).pathname !== '/api/v1/dev/clock' || request.method !== 'POST') {
    return undefined;
  }
  const body = (await request.json().catch(() => ({}))) as { advanceMs?: unknown };
  const ms = body.advanceMs;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
    return Response.json(
      {
        error: {
          code: 'validation_failed',
          message: 'advanceMs: expected a non-negative integer',
          field: 'advanceMs',
        },
        requestId: 'dev-clock',
      },
      { status: 400 },
    );
  }
  control.advance(ms);
  return Response.json({ now: control.now().toISOString() });
}
