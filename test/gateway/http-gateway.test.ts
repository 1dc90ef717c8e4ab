import { describe, expect, it } from 'vitest';

import { demoIin } from '../../src/demo/demo-iin.js';
import type { GatewayUnavailableError } from '../../src/gateway/gateway.js';
import { isGatewayUnavailable } from '../../src/gateway/gateway.js';
import { createHttpGateway, type HttpGatewaySettings } from '../../src/gateway/http-gateway.js';
import { captureLogger } from '../../src/logging/logger.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { fetchStub, hang, json, networkError, type Reply, text, times } from './fetch-stub.js';

const IIN = demoIin('1985-04-12', 'female', 3021);
const CHILD = demoIin('2018-10-23', 'male', 1147);
const OTHER = demoIin('1979-02-14', 'male', 2250);
const TOKEN = 'gw-test-token-5e1f0c';
const BASE = 'https://gateway.test/api/v1';

const PERSON = {
  iin: IIN,
  lastName: 'Әбілқасымова',
  firstName: 'Гүлнұр',
  middleName: 'Серікқызы',
  birthDate: '1985-04-12',
  sex: 'female',
  alive: true,
  phone: '+77011234567',
  edsPublicKey: 'A'.repeat(43),
};

const BIRTH = {
  child: { iin: CHILD, lastName: 'Нұрланұлы', firstName: 'Әлихан', birthDate: '2018-10-23' },
  parents: [OTHER],
};

function decision(date: string, guardianIin = IIN) {
  return {
    providerId: 'prv_astana',
    number: '№ 1-15/2345',
    date,
    guardianIin,
    childIin: CHILD,
    kind: 'guardianship',
    start: date,
  };
}

function setup(replies: Reply[], settings: Partial<HttpGatewaySettings> = {}) {
  const stub = fetchStub(...replies);
  const clock = fixedClock('2026-12-03T06:00:00Z');
  const sleeps: number[] = [];
  const logger = captureLogger();
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };

  const gateway = createHttpGateway(
    { baseUrl: `${BASE}/`, token: TOKEN, timeoutMs: 50, ...settings },
    { clock, fetch: stub.fetch, sleep, random: () => 0.5, logger },
  );
  return { gateway, stub, clock, sleeps, logger };
}

async function unavailable(promise: Promise<unknown>): Promise<GatewayUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isGatewayUnavailable(error)) throw new Error(`expected unavailable, got ${String(error)}`);
  expect(error.message).not.toContain(IIN);
  expect(error.message).not.toContain(CHILD);
  return error;
}

describe('HTTP gateway: answers', () => {
  it('asks GET /persons/{iin} with the bearer token and returns the person', async () => {
    const { gateway, stub } = setup([json(200, PERSON)]);

    expect(await gateway.identity.person(IIN)).toEqual(PERSON);
    expect(stub.calls).toEqual([
      {
        url: `${BASE}/persons/${IIN}`,
        headers: { accept: 'application/json', authorization: `Bearer ${TOKEN}` },
      },
    ]);
  });

  it('drops null members and brings registry phone formats to E.164', async () => {
    const body = { ...PERSON, middleName: null, edsPublicKey: null, phone: '8 (701) 123-45-67' };
    const { gateway } = setup([json(200, body)]);

    const person = await gateway.identity.person(IIN);

    expect(person).toEqual({
      iin: IIN,
      lastName: 'Әбілқасымова',
      firstName: 'Гүлнұр',
      birthDate: '1985-04-12',
      sex: 'female',
      alive: true,
      phone: '+77011234567',
    });
    expect(person && 'middleName' in person).toBe(false);
  });

  it('answers null for a 404 from the persons and birth-records paths', async () => {
    const { gateway, stub } = setup([json(404, {}), text(404, 'not found')]);

    expect(await gateway.identity.person(IIN)).toBeNull();
    expect(await gateway.civilRegistry.birthRecord(CHILD)).toBeNull();
    expect(stub.calls.map((call) => call.url)).toEqual([
      `${BASE}/persons/${IIN}`,
      `${BASE}/birth-records/${CHILD}`,
    ]);
  });

  it('reads a birth record', async () => {
    const { gateway } = setup([json(200, BIRTH)]);

    expect(await gateway.civilRegistry.birthRecord(CHILD)).toEqual(BIRTH);
  });

  it('lists decisions by child, oldest first, and an empty list as none', async () => {
    const later = { ...decision('2026-11-19'), terminated: null, end: '2032-10-22' };
    const earlier = {
      ...decision('2021-03-01', OTHER),
      terminated: { on: '2026-01-10', reason: 'освобождён от обязанностей' },
    };
    const { gateway, stub } = setup([
      json(200, { decisions: [later, earlier] }),
      json(200, { decisions: [] }),
    ]);

    const decisions = await gateway.guardianship.decisions(CHILD);

    expect(decisions.map((d) => d.date)).toEqual(['2021-03-01', '2026-11-19']);
    expect(decisions[1]).toEqual({ ...decision('2026-11-19'), end: '2032-10-22' });
    expect(stub.calls[0]?.url).toBe(`${BASE}/guardianship-decisions?child=${CHILD}`);
    expect(await gateway.guardianship.decisions(CHILD)).toEqual([]);
  });

  it('takes a 404 from the decisions list for a misrouted request, never for "none"', async () => {
    const { gateway } = setup([json(404, {})]);

    const error = await unavailable(gateway.guardianship.decisions(CHILD));

    expect(error.source).toBe('guardianship_registry');
    expect(error.reason).toBe('rejected');
  });

  it('answers unknown for text that is not a valid IIN, without asking', async () => {
    const { gateway, stub } = setup([]);
    const broken = `${IIN.slice(0, 11)}${(Number(IIN[11]) + 1) % 10}`;

    expect(await gateway.identity.person(broken)).toBeNull();
    expect(await gateway.identity.person('../admin')).toBeNull();
    expect(await gateway.civilRegistry.birthRecord('')).toBeNull();
    expect(await gateway.guardianship.decisions('12345')).toEqual([]);
    expect(stub.calls).toEqual([]);
  });

  it('refuses settings without an http(s) base URL or a token, at start', () => {
    const deps = { clock: fixedClock('2026-12-03T06:00:00Z') };

    expect(() => createHttpGateway({ baseUrl: 'ftp://gateway.test', token: 't' }, deps)).toThrow();
    expect(() => createHttpGateway({ baseUrl: BASE, token: '' }, deps)).toThrow();
  });
});

describe('HTTP gateway: failures are unavailable, never "not found"', () => {
  it('times out a source that does not answer, on every attempt', async () => {
    const { gateway, stub } = setup([hang(), hang()], { timeoutMs: 20, maxAttempts: 2 });

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('timeout');
    expect(error.source).toBe('identity');
    expect(stub.calls).toHaveLength(2);
  });

  it('retries a 503 after a jittered backoff and returns the answer that follows', async () => {
    const { gateway, stub, sleeps } = setup([json(503, {}), json(200, PERSON)]);

    expect(await gateway.identity.person(IIN)).toEqual(PERSON);
    expect(stub.calls).toHaveLength(2);
    expect(sleeps).toEqual([150]);
  });

  it('waits as long as Retry-After asks when that is longer than the backoff', async () => {
    const { gateway, sleeps } = setup([
      json(503, {}, { 'retry-after': '2' }),
      json(429, {}, { 'retry-after': 'Thu, 03 Dec 2026 06:00:03 GMT' }),
      json(200, PERSON),
    ]);

    expect(await gateway.identity.person(IIN)).toEqual(PERSON);
    expect(sleeps).toEqual([2_000, 3_000]);
  });

  it('passes a Retry-After too long to wait on to the caller at once', async () => {
    const { gateway, stub } = setup([json(429, {}, { 'retry-after': '60' })]);

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(60_000);
    expect(stub.calls).toHaveLength(1);
  });

  it('retries network errors with growing delays, then reports them', async () => {
    const { gateway, stub, sleeps } = setup(times(3, networkError()));

    const error = await unavailable(gateway.civilRegistry.birthRecord(CHILD));

    expect(error.reason).toBe('network');
    expect(error.source).toBe('civil_registry');
    expect(stub.calls).toHaveLength(3);
    expect(sleeps).toEqual([150, 300]);
  });

  it('reports server errors after the last attempt', async () => {
    const { gateway, stub } = setup(times(3, json(500, {})));

    const error = await unavailable(gateway.guardianship.decisions(CHILD));

    expect(error.reason).toBe('server_error');
    expect(error.message).toBe('guardianship_registry: answered 500');
    expect(stub.calls).toHaveLength(3);
  });

  it('takes a body that is not JSON as malformed, and does not retry it at once', async () => {
    const { gateway, stub } = setup([text(200, '<html>Service temporarily unavailable</html>')]);

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('malformed');
    expect(error.message).toBe('identity: body is not JSON');
    expect(stub.calls).toHaveLength(1);
  });

  it('takes JSON of the wrong shape as malformed, naming members, not values', async () => {
    const { alive: _alive, ...withoutAlive } = PERSON;
    const { gateway } = setup([json(200, { ...withoutAlive, birthDate: '1985-02-30' })]);

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('malformed');
    expect(error.message).toBe('identity: unexpected answer at birthDate, alive');
  });

  it('takes an answer about another person than asked as malformed', async () => {
    const { gateway } = setup([json(200, { ...PERSON, iin: OTHER })]);

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('malformed');
  });

  it('does not retry a rejection of its credentials, nor count it against the source', async () => {
    const { gateway, stub } = setup(times(6, json(401, {})), { failureThreshold: 2 });

    for (let i = 0; i < 6; i++) {
      const error = await unavailable(gateway.identity.person(IIN));
      expect(error.reason).toBe('rejected');
    }

    expect(stub.calls).toHaveLength(6);
    expect(gateway.circuit('identity')).toBe('closed');
  });

  it('logs retries and failures without the IIN, the URL or the token', async () => {
    const { gateway, logger } = setup([json(503, {}), networkError(), json(502, {})]);

    await unavailable(gateway.identity.person(IIN));

    const events = logger.lines.map((line) => JSON.parse(line).event);
    expect(events).toEqual(['gateway.retry', 'gateway.retry', 'gateway.unavailable']);
    for (const line of logger.lines) {
      expect(line).not.toContain(IIN);
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('gateway.test');
    }
  });
});

describe('HTTP gateway: circuit breaker', () => {
  const settings = { failureThreshold: 3, coolDownMs: 30_000, maxAttempts: 1 };

  it('opens after the threshold and then turns calls away without fetching', async () => {
    const { gateway, stub } = setup(times(3, json(503, {})), settings);

    for (let i = 0; i < 3; i++) await unavailable(gateway.identity.person(IIN));
    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('circuit_open');
    expect(error.retryAfterMs).toBe(30_000);
    expect(stub.calls).toHaveLength(3);
    expect(gateway.circuit('identity')).toBe('open');
  });

  it('keeps one breaker per source, so the others still answer', async () => {
    const { gateway, stub } = setup([...times(3, json(503, {})), json(200, BIRTH)], settings);

    for (let i = 0; i < 3; i++) await unavailable(gateway.identity.person(IIN));

    expect(await gateway.civilRegistry.birthRecord(CHILD)).toEqual(BIRTH);
    expect(gateway.circuit('civil_registry')).toBe('closed');
    expect(stub.calls).toHaveLength(4);
  });

  it('stops retrying within a call once the circuit opens', async () => {
    const { gateway, stub } = setup(times(2, json(503, {})), {
      failureThreshold: 2,
      maxAttempts: 5,
    });

    const error = await unavailable(gateway.identity.person(IIN));

    expect(error.reason).toBe('circuit_open');
    expect(stub.calls).toHaveLength(2);
  });

  it('lets a trial through after the cool-down and closes when it succeeds', async () => {
    const { gateway, stub, clock } = setup(
      [...times(3, json(503, {})), json(200, PERSON)],
      settings,
    );
    for (let i = 0; i < 3; i++) await unavailable(gateway.identity.person(IIN));

    clock.advance(30_000);
    expect(gateway.circuit('identity')).toBe('half_open');

    expect(await gateway.identity.person(IIN)).toEqual(PERSON);
    expect(gateway.circuit('identity')).toBe('closed');
    expect(stub.calls).toHaveLength(4);
  });

  it('opens again when the half-open trial fails', async () => {
    const { gateway, stub, clock } = setup(times(4, json(503, {})), settings);
    for (let i = 0; i < 3; i++) await unavailable(gateway.identity.person(IIN));

    clock.advance(30_000);
    expect((await unavailable(gateway.identity.person(IIN))).reason).toBe('server_error');

    expect(gateway.circuit('identity')).toBe('open');
    expect((await unavailable(gateway.identity.person(IIN))).reason).toBe('circuit_open');
    expect(stub.calls).toHaveLength(4);
  });
});
