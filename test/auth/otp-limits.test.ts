import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixtureGateway } from '../../src/gateway/fixture-gateway.js';
import type { PersonRecord } from '../../src/gateway/gateway.js';
import type { SmsSender } from '../../src/notifier/sms.js';
import { SmsDeliveryError } from '../../src/notifier/sms.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { makeIin } from '../support/iin.js';
import { errorOf, lastCode, outbox, post } from './sign-in-client.js';

const SHARED_PHONE = '+77001112233';

function person(iin: string, extra: Partial<PersonRecord> = {}): PersonRecord {
  return {
    iin,
    lastName: 'Сапарова',
    firstName: 'Әсел',
    birthDate: '1990-01-01',
    sex: 'female',
    alive: true,
    ...extra,
  };
}

/** Two people of one family share a phone; others cannot be sent an SMS at all. */
const mother = person(makeIin('1990-01-01', 'female', 11), { phone: SHARED_PHONE });
const son = person(makeIin('2004-02-02', 'male', 12), { phone: SHARED_PHONE });
const daughter = person(makeIin('2006-06-06', 'female', 16), { phone: SHARED_PHONE });
const deceased = person(makeIin('1950-03-03', 'male', 13), { alive: false, phone: '+77005556677' });
const noPhone = person(makeIin('1985-04-04', 'female', 14));
const unknownIin = makeIin('1979-05-05', 'male', 15);

const records = {
  persons: [mother, son, daughter, deceased, noPhone],
  birthRecords: [],
  decisions: [],
};

describe.each(databaseTargets)('code requests on $name', (target) => {
  let registry: TestRegistry;
  let gateway: FixtureGateway;
  beforeEach(async () => {
    gateway = new FixtureGateway(records);
    registry = await startTestRegistry(target, { gateway });
  });
  afterEach(async () => {
    await registry.close();
  });

  const requestCode = (iin: string) => post(registry, '/api/v1/auth/otp', { iin });
  const advance = (ms: number) => registry.clock.advance?.(ms);

  it('allows one code a minute per IIN', async () => {
    expect((await requestCode(mother.iin)).status).toBe(202);

    advance(30_000);
    const early = await requestCode(mother.iin);
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('30');
    const error = await errorOf(early);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe('Too many codes requested for this IIN; try again in 30 s');

    advance(30_000);
    expect((await requestCode(mother.iin)).status).toBe(202);
  });

  it('sends one code when several requests for one IIN arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => requestCode(mother.iin)));

    expect(answers.map((a) => a.status).sort()).toEqual([202, 429, 429, 429, 429]);
    expect(await outbox(registry)).toHaveLength(1);
  });

  it('allows five codes an hour per IIN', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await requestCode(noPhone.iin)).status).toBe(202);
      advance(60_000);
    }

    const sixth = await requestCode(noPhone.iin);
    expect(sixth.status).toBe(429);
    // The first of the five leaves the hour 55 minutes after the fifth was asked for.
    expect(sixth.headers.get('retry-after')).toBe(String(55 * 60));

    advance(55 * 60_000);
    expect((await requestCode(noPhone.iin)).status).toBe(202);
  });

  it('allows one code a minute per phone, whoever asks', async () => {
    expect((await requestCode(mother.iin)).status).toBe(202);

    const sameMinute = await requestCode(son.iin);
    expect(sameMinute.status).toBe(429);
    expect((await errorOf(sameMinute)).message).toContain('phone');
    expect(await outbox(registry)).toHaveLength(1);

    advance(60_000);
    expect((await requestCode(son.iin)).status).toBe(202);
  });

  it('allows ten codes an hour per phone', async () => {
    const family = [mother.iin, son.iin, daughter.iin];
    for (let i = 0; i < 10; i++) {
      expect((await requestCode(family[i % 3] ?? '')).status).toBe(202);
      advance(60_000);
    }

    // Each IIN is within its own five an hour (4, 3 and 3); the phone is not.
    const eleventh = await requestCode(son.iin);
    expect(eleventh.status).toBe(429);
    expect((await errorOf(eleventh)).message).toContain('phone');
  });

  it('holds the limit across a restart, since it is counted in the database', async () => {
    expect((await requestCode(mother.iin)).status).toBe(202);

    const restarted = await startTestRegistry(target, { gateway, clock: registry.clock });
    try {
      expect((await post(restarted, '/api/v1/auth/otp', { iin: mother.iin })).status).toBe(202);
    } finally {
      await restarted.close();
    }
  });

  it.each([
    ['an unknown IIN', unknownIin],
    ['a deceased person', deceased.iin],
    ['a person without a phone', noPhone.iin],
  ])('answers %s as any other, sends nothing, and accepts no code', async (_, iin) => {
    const first = await requestCode(iin);
    expect(first.status).toBe(202);
    const body = (await first.json()) as { phoneHint: string };
    expect(body).toEqual({
      sent: true,
      phoneHint: expect.stringMatching(/^\+7 7\d\d \*\*\* \*\* \d\d$/),
      expiresAt: '2026-12-03T07:05:00.000Z',
    });
    expect(await outbox(registry)).toEqual([]);

    // The stand-in hint stays the same, as a real phone's would.
    advance(60_000);
    expect(((await (await requestCode(iin)).json()) as { phoneHint: string }).phoneHint).toBe(
      body.phoneHint,
    );

    const guess = await post(registry, '/api/v1/auth/otp/verify', { iin, code: '123456' });
    expect(guess.status).toBe(401);
    // The attempts left are counted as for a real code, so they tell nothing either.
    expect(guess.headers.get('attempts-left')).toBe('2');
    expect(await errorOf(guess)).toMatchObject({ code: 'otp_invalid' });
  });

  it('answers 503 with Retry-After when the identity gateway is down, then recovers', async () => {
    gateway.setAvailable(false, 'identity');
    const down = await requestCode(mother.iin);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect(await errorOf(down)).toMatchObject({ code: 'service_unavailable' });

    gateway.setAvailable(true, 'identity');
    expect((await requestCode(mother.iin)).status).toBe(202);
    expect(await lastCode(registry, SHARED_PHONE)).toMatch(/^\d{6}$/);
  });
});

describe.each(databaseTargets)('an SMS gateway that fails on $name', (target) => {
  it('answers 503 and keeps no code, so the citizen may ask again at once', async () => {
    let failing = true;
    const sent: string[] = [];
    const sms: SmsSender = {
      send: async (phone) => {
        if (failing) throw new SmsDeliveryError('timeout', 'SMS gateway timed out');
        sent.push(phone);
      },
    };
    const registry = await startTestRegistry(target, { gateway: new FixtureGateway(records), sms });

    try {
      const failed = await post(registry, '/api/v1/auth/otp', { iin: mother.iin });
      expect(failed.status).toBe(503);
      expect(await errorOf(failed)).toMatchObject({ code: 'service_unavailable' });

      failing = false;
      expect((await post(registry, '/api/v1/auth/otp', { iin: mother.iin })).status).toBe(202);
      expect(sent).toEqual([SHARED_PHONE]);
    } finally {
      await registry.close();
    }
  });
});
