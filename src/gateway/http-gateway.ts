/**
 * The state gateway over HTTP, for plugging in a real integration service by configuration.
 * It expects JSON over HTTPS, authorised with a bearer token, at these paths under `baseUrl`:
 *
 *   GET /persons/{iin}                       200 person (`http-schemas.ts`), 404 unknown IIN
 *   GET /birth-records/{iin}                 200 birth record, 404 none held
 *   GET /guardianship-decisions?child={iin}  200 `{ "decisions": [...] }`, empty when none
 *
 * A 404 from the decisions path is not read as "none": a list endpoint answers an empty list, so
 * a 404 there means a misrouted request, and treating it as "no decision" would refuse people
 * because of a configuration mistake.
 *
 * Each source has its own circuit breaker, so one failing system does not stop the others.
 */

import { z } from 'zod';

import { compareDays } from '../domain/calendar.js';
import { parseIin } from '../domain/iin.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import { type BreakerState, CircuitBreaker } from './circuit-breaker.js';
import type { GatewaySource, GuardianshipDecision, StateGateway } from './gateway.js';
import { type Fetch, GatewayHttpClient } from './http-client.js';
import { birthRecordResponse, decisionsResponse, personResponse } from './http-schemas.js';
import { type Sleep, timerSleep } from './sleep.js';

/** Settings that come from configuration, with defaults sized for a 30-minute service term. */
export const httpGatewaySettings = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
  token: z.string().min(1),
  timeoutMs: z.number().int().positive().default(5_000),
  maxAttempts: z.number().int().min(1).max(10).default(3),
  baseDelayMs: z.number().int().nonnegative().default(200),
  maxDelayMs: z.number().int().nonnegative().default(2_000),
  maxRetryAfterMs: z.number().int().nonnegative().default(5_000),
  failureThreshold: z.number().int().positive().default(5),
  coolDownMs: z.number().int().nonnegative().default(30_000),
});

export type HttpGatewaySettings = z.input<typeof httpGatewaySettings>;

/** What the adapter takes from its host instead of reaching for globals. */
export interface HttpGatewayDeps {
  clock: Clock;
  /** The runtime's `fetch` unless given; tests pass a stub. */
  fetch?: Fetch;
  sleep?: Sleep;
  /** A number in [0, 1) for backoff jitter. */
  random?: () => number;
  logger?: Logger;
}

/** The HTTP gateway, which also tells the state of each source's circuit (for health checks). */
export interface HttpStateGateway extends StateGateway {
  circuit(source: GatewaySource): BreakerState;
}

/**
 * Builds the adapter. Settings are validated here, once, and a bad value fails loudly at start.
 *
 * @example
 * const gateway = createHttpGateway(
 *   { baseUrl: 'https://gateway.example.kz/v1', token: secret },
 *   { clock: systemClock, logger },
 * );
 * const person = await gateway.identity.person(iin);
 */
export function createHttpGateway(
  settings: HttpGatewaySettings,
  deps: HttpGatewayDeps,
): HttpStateGateway {
  const config = httpGatewaySettings.parse(settings);
  const client = new GatewayHttpClient({
    ...config,
    // Called as a plain function: Workers reject `fetch` invoked as a method of another object.
    fetch: deps.fetch ?? ((input, init) => fetch(input, init)),
    clock: deps.clock,
    sleep: deps.sleep ?? timerSleep,
    random: deps.random ?? Math.random,
    logger: deps.logger,
  });

  const breakerOptions = { ...config, clock: deps.clock };
  const breakers: Record<GatewaySource, CircuitBreaker> = {
    identity: new CircuitBreaker(breakerOptions),
    civil_registry: new CircuitBreaker(breakerOptions),
    guardianship_registry: new CircuitBreaker(breakerOptions),
  };
  const url = (path: string) => `${config.baseUrl}${path}`;

  return {
    circuit: (source) => breakers[source].state,

    identity: {
      async person(iin) {
        if (!parseIin(iin).ok) return null;

        const request = {
          source: 'identity',
          operation: 'person',
          url: url(`/persons/${iin}`),
          schema: personResponse,
          notFoundIsNull: true,
          matches: (person: { iin: string }) => person.iin === iin,
        } as const;
        return client.getJson(request, breakers.identity);
      },
    },

    civilRegistry: {
      async birthRecord(childIin) {
        if (!parseIin(childIin).ok) return null;

        const request = {
          source: 'civil_registry',
          operation: 'birth_record',
          url: url(`/birth-records/${childIin}`),
          schema: birthRecordResponse,
          notFoundIsNull: true,
          matches: (record: { child: { iin: string } }) => record.child.iin === childIin,
        } as const;
        return client.getJson(request, breakers.civil_registry);
      },
    },

    guardianship: {
      async decisions(childIin) {
        if (!parseIin(childIin).ok) return [];

        const request = {
          source: 'guardianship_registry',
          operation: 'decisions',
          url: url(`/guardianship-decisions?child=${childIin}`),
          schema: decisionsResponse,
          notFoundIsNull: false,
          matches: (list: GuardianshipDecision[]) => list.every((d) => d.childIin === childIin),
        } as const;
        const decisions = await client.getJson(request, breakers.guardianship_registry);
        return [...(decisions ?? [])].sort((a, b) => compareDays(a.date, b.date));
      },
    },
  };
}
