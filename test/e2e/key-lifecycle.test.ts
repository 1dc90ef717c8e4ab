import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, logEntries } from '../../db/schema.js';
import { loadConfig } from '../../src/config.js';
import { parseToken } from '../../src/crypto/token.js';
import { captureLogger } from '../../src/logging/logger.js';
import { bootNode } from '../../src/node/boot.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { DevKeyMaker } from '../../src/signer/key-maker.js';
import { decodeLogEntry } from '../../src/translog/log-entry.js';
import { hashOfficerToken } from '../../src/web/middleware/officer-auth.js';
import {
  ALMATY,
  ASTANA,
  asOfficer,
  PUBLIC_URL,
  startTestRegistry,
  type TestRegistry,
} from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  expectError,
  issue,
  type Officer,
  postIssue,
  tokenOf,
  verify,
} from './client.js';

interface KeyJson {
  kid: string;
  providerId: string;
  status: string;
  notBefore: string;
  notAfter: string | null;
  compromisedSince: string | null;
}
interface Jwk {
  kid: string;
  x: string;
  provider: string;
  status: string;
  nbf: number;
  exp?: number;
  compromisedSince?: number;
}

const REVOKER = { authorization: 'Bearer test-astana-revoker-only' };

describe.each(databaseTargets)('the key lifecycle on $name', (target) => {
  const clock = fixedClock('2026-12-03T07:00:00Z');
  let registry: TestRegistry;
  let keyDir: string;

  beforeAll(async () => {
    keyDir = await mkdtemp(join(tmpdir(), 'rotated-keys-'));
    registry = await startTestRegistry(target, {
      clock,
      keyMaker: (signer) => new DevKeyMaker(signer, keyDir),
    });
    await registry.store.transaction((tx) =>
      registry.store.insertOfficer(tx, {
        id: 'off_astana_revoker',
        providerId: 'prv_astana',
        fullName: 'Тестов Тест',
        tokenHash: hashOfficerToken('test-astana-revoker-only'),
        roles: ['issuer', 'revoker', 'reviewer'],
        createdAt: new Date('2026-01-01T00:00:00Z'),
        disabledAt: null,
      }),
    );
  });
  afterAll(async () => {
    await registry?.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  const post = (path: string, body?: unknown, officer: Officer = ASTANA) =>
    registry.request(`/api/v1/providers/${path}`, {
      method: 'POST',
      headers: asOfficer(officer),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const jwks = async () =>
    ((await (await registry.request('/.well-known/jwks.json')).json()) as { keys: Jwk[] }).keys;
  const verdictOf = async (certificate: CertificateJson) =>
    verify(registry, tokenOf(certificate.verifyUrl));
  const keyEvents = async (providerId: string) =>
    (
      await registry.database.db
        .select()
        .from(events)
        .where(and(eq(events.providerId, providerId)))
        .orderBy(events.seq)
    ).filter((e) => e.kind.startsWith('key.') && e.actor.startsWith('officer:'));
  const keyLeaves = async (providerId: string) =>
    (
      await registry.database.db
        .select()
        .from(logEntries)
        .where(eq(logEntries.providerId, providerId))
        .orderBy(logEntries.index)
    )
      .map((row) => decodeLogEntry(row.data))
      .filter((entry) => entry?.kind.startsWith('key.'));

  describe('rotation', () => {
    let before: CertificateJson;
    let after: CertificateJson;
    let rotated: { key: KeyJson; retired: KeyJson[] };

    beforeAll(async () => {
      clock.set('2026-12-03T07:00:00Z');
      before = await issue(registry);
      clock.set('2026-12-04T05:00:00Z');
      const response = await post('prv_astana/keys/rotate');
      expect(response.status, await response.clone().text()).toBe(201);
      rotated = (await response.json()) as typeof rotated;
      clock.set('2026-12-04T06:00:00Z');
      after = await issue(registry);
    });

    it('answers 201 with a new active key and the old one retired at that moment', () => {
      expect(rotated.key).toMatchObject({
        providerId: 'prv_astana',
        status: 'active',
        notBefore: '2026-12-04T05:00:00.000Z',
        notAfter: null,
      });
      expect(rotated.key.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(rotated.retired).toEqual([
        expect.objectContaining({
          kid: before.kid,
          status: 'retired',
          notAfter: '2026-12-04T05:00:00.000Z',
        }),
      ]);
    });

    it('signs new certificates with the new key; old ones stay valid', async () => {
      expect(after.kid).toBe(rotated.key.kid);
      expect(after.kid).not.toBe(before.kid);
      expect((await verdictOf(before)).verdict).toBe('valid');
      expect((await verdictOf(after)).verdict).toBe('valid');
    });

    it('publishes both in the JWKS with status and window; node:crypto checks the new signature', async () => {
      const keys = (await jwks()).filter((k) => k.provider === 'prv_astana');
      const old = keys.find((k) => k.kid === before.kid);
      const fresh = keys.find((k) => k.kid === after.kid);

      expect(old).toMatchObject({
        status: 'retired',
        exp: Date.parse('2026-12-04T05:00:00Z') / 1000,
      });
      expect(fresh).toMatchObject({
        status: 'active',
        nbf: Date.parse('2026-12-04T05:00:00Z') / 1000,
      });
      expect(fresh).not.toHaveProperty('exp');

      const parsed = parseToken(tokenOf(after.verifyUrl));
      if (!parsed.ok || !fresh) throw new Error('no token or key');
      const key = createPublicKey({
        key: { kty: 'OKP', crv: 'Ed25519', x: fresh.x },
        format: 'jwk',
      });
      expect(nodeVerify(null, parsed.token.signingInput, key, parsed.token.signature)).toBe(true);
    });

    it('stores the new seed as a 0600 file named for its kid, for the next start', async () => {
      const files = await readdir(join(keyDir, 'keys'));
      expect(files).toEqual([`prv_astana.${after.kid}.json`]);
      expect((await stat(join(keyDir, 'keys', files[0] ?? ''))).mode & 0o777).toBe(0o600);
    });

    it('records the registration and the retirement as events and log leaves', async () => {
      const recorded = await keyEvents('prv_astana');
      expect(recorded.map((e) => [e.kind, e.data])).toEqual([
        ['key.registered', { kid: after.kid, rotatedFrom: [before.kid] }],
        ['key.retired', { kid: before.kid }],
      ]);
      expect(recorded[0]?.actor).toBe('officer:off_astana_1');

      const leaves = await keyLeaves('prv_astana');
      expect(leaves.slice(-2)).toEqual([
        expect.objectContaining({
          kind: 'key.registered',
          kid: after.kid,
          at: '2026-12-04T05:00:00.000Z',
        }),
        {
          v: 1,
          kind: 'key.retired',
          at: '2026-12-04T05:00:00.000Z',
          providerId: 'prv_astana',
          kid: before.kid,
        },
      ]);
    });
  });

  describe('retirement of the only active key', () => {
    let earlier: CertificateJson;

    beforeAll(async () => {
      clock.set('2026-12-04T07:00:00Z');
      earlier = await issue(registry, trusteeshipRequest(), ALMATY);
    });

    it('stops issuance with a coded 409, keeps old certificates valid, and is harmless twice', async () => {
      const first = await post(`prv_almaty_medeu/keys/${earlier.kid}/retire`, undefined, ALMATY);
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({
        alreadyRetired: false,
        key: { kid: earlier.kid, status: 'retired', notAfter: '2026-12-04T07:00:00.000Z' },
      });

      await expectError(await postIssue(registry, trusteeshipRequest(), { officer: ALMATY }), {
        status: 409,
        code: 'no_signing_key',
        message:
          'The provider has no active signing key: an administrator must rotate to a new key',
      });
      expect((await verdictOf(earlier)).verdict).toBe('valid');

      const again = await post(`prv_almaty_medeu/keys/${earlier.kid}/retire`, undefined, ALMATY);
      expect(await again.json()).toMatchObject({ alreadyRetired: true });
      expect((await keyEvents('prv_almaty_medeu')).map((e) => e.kind)).toEqual(['key.retired']);
    });

    it('issues again after a rotation', async () => {
      clock.set('2026-12-04T08:00:00Z');
      const rotated = await post('prv_almaty_medeu/keys/rotate', undefined, ALMATY);
      expect(rotated.status).toBe(201);
      expect(((await rotated.json()) as { retired: unknown[] }).retired).toEqual([]);

      const certificate = await issue(registry, trusteeshipRequest(), ALMATY);
      expect(certificate.kid).not.toBe(earlier.kid);
    });
  });

  describe('compromise', () => {
    let signedBefore: CertificateJson;
    let signedAfter: CertificateJson;
    let kid: string;

    beforeAll(async () => {
      clock.set('2026-12-05T03:30:00Z');
      signedBefore = await issue(registry);
      clock.set('2026-12-05T10:00:00Z');
      signedAfter = await issue(registry);
      kid = signedAfter.kid;
      expect(signedBefore.kid).toBe(kid);
      clock.set('2026-12-06T04:00:00Z');
    });

    it('makes what the key signed from `since` on invalid, and leaves earlier ones valid', async () => {
      const response = await post(`prv_astana/keys/${kid}/compromise`, {
        since: '2026-12-05T09:00:00+05:00',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        alreadyCompromised: false,
        invalidatedCertificates: 1,
        key: {
          kid,
          status: 'compromised',
          compromisedSince: '2026-12-05T04:00:00.000Z',
          notAfter: '2026-12-06T04:00:00.000Z',
        },
      });

      expect(await verdictOf(signedAfter)).toMatchObject({
        verdict: 'invalid',
        cause: 'key_compromised',
        message: "The certificate was signed after its issuer's key was compromised",
      });
      expect((await verdictOf(signedBefore)).verdict).toBe('valid');
    });

    it('says so on the page, and in the JWKS', async () => {
      const html = await (await registry.request(new URL(signedAfter.verifyUrl).pathname)).text();
      expect(html).toContain(
        'Код подписан после того, как ключ выдавшего органа был скомпрометирован.',
      );

      const key = (await jwks()).find((k) => k.kid === kid);
      expect(key).toMatchObject({
        status: 'compromised',
        compromisedSince: Date.parse('2026-12-05T04:00:00Z') / 1000,
      });
    });

    it('stops issuance with the compromised key', async () => {
      await expectError(await postIssue(registry), {
        status: 409,
        code: 'no_signing_key',
        message: /no active signing key/,
      });
    });

    it('never moves `since` later, and moves it earlier with a new event and leaf', async () => {
      const later = await post(`prv_astana/keys/${kid}/compromise`, {
        since: '2026-12-05T20:00:00Z',
      });
      expect(await later.json()).toMatchObject({
        alreadyCompromised: true,
        key: { compromisedSince: '2026-12-05T04:00:00.000Z' },
      });

      const earlier = await post(`prv_astana/keys/${kid}/compromise`, {
        since: '2026-12-05T03:00:00Z',
      });
      expect(await earlier.json()).toMatchObject({
        alreadyCompromised: false,
        invalidatedCertificates: 2,
      });
      expect((await verdictOf(signedBefore)).cause).toBe('key_compromised');

      const leaves = (await keyLeaves('prv_astana')).filter((e) => e?.kind === 'key.compromised');
      expect(leaves.map((e) => e && 'since' in e && e.since)).toEqual([
        '2026-12-05T04:00:00.000Z',
        '2026-12-05T03:00:00.000Z',
      ]);
    });

    it.each(['0026-12-04T06:19:00Z', '0001-01-01T00:00:00Z', '2026-12-04T04:59:59Z'])(
      'refuses %s, before the key existed, with 422 and writes nothing',
      async (since) => {
        const leavesBefore = (await keyLeaves('prv_astana')).length;
        const eventsBefore = (await keyEvents('prv_astana')).length;
        const notBefore = (await jwks()).find((k) => k.kid === kid)?.nbf ?? 0;
        expect(new Date(notBefore * 1000).toISOString()).toBe('2026-12-04T05:00:00.000Z');

        await expectError(await post(`prv_astana/keys/${kid}/compromise`, { since }), {
          status: 422,
          code: 'date_out_of_range',
          field: 'since',
          message: "since: must not be before the key's notBefore, 2026-12-04T05:00:00.000Z",
        });
        expect((await keyLeaves('prv_astana')).length).toBe(leavesBefore);
        expect((await keyEvents('prv_astana')).length).toBe(eventsBefore);
        const key = (await jwks()).find((k) => k.kid === kid);
        expect(key?.compromisedSince).toBe(Date.parse('2026-12-05T03:00:00Z') / 1000);
      },
    );

    it.each([
      {
        what: 'an instant in the future',
        body: { since: '2026-12-07T00:00:00Z' },
        status: 422,
        code: 'date_out_of_range',
        message: 'since: must not be in the future',
      },
      {
        what: 'a date without a time',
        body: { since: '2026-12-05' },
        status: 400,
        code: 'validation_failed',
        message: /^since: expected an ISO 8601 instant/,
      },
      {
        what: 'a missing instant',
        body: {},
        status: 400,
        code: 'validation_failed',
        message: 'since: is required',
      },
    ])('answers $what with $status naming the field', async ({ body, status, code, message }) => {
      await expectError(await post(`prv_astana/keys/${kid}/compromise`, body), {
        status,
        code,
        field: 'since',
        message,
      });
    });
  });

  describe('authorization', () => {
    it('answers another provider’s administrator 403 for every action', async () => {
      const [astanaKey] = (await jwks()).filter((k) => k.provider === 'prv_astana');
      for (const [path, body] of [
        ['prv_astana/keys/rotate', undefined],
        [`prv_astana/keys/${astanaKey?.kid}/retire`, undefined],
        [`prv_astana/keys/${astanaKey?.kid}/compromise`, { since: '2026-12-01T00:00:00Z' }],
      ] as const) {
        await expectError(await post(path, body, ALMATY), {
          status: 403,
          code: 'forbidden',
          message: "Officers manage only their own provider's keys",
        });
      }
      expect((await jwks()).find((k) => k.kid === astanaKey?.kid)?.status).toBe(astanaKey?.status);
    });

    it('answers 404 for another provider’s kid under one’s own provider, and for no kid at all', async () => {
      const almatyKid = (await jwks()).find((k) => k.provider === 'prv_almaty_medeu')?.kid;
      for (const kid of [almatyKid, 'x'.repeat(43), 'not-a-kid']) {
        await expectError(await post(`prv_astana/keys/${kid}/retire`), {
          status: 404,
          code: 'not_found',
          message: 'No key with this kid belongs to this provider',
        });
      }
    });

    it('answers 403 to an officer without the admin role, 401 without a token', async () => {
      await expectError(await post('prv_astana/keys/rotate', undefined, REVOKER), {
        status: 403,
        code: 'forbidden',
        message: 'This officer lacks the "admin" role',
      });
      const anonymous = await registry.request('/api/v1/providers/prv_astana/keys/rotate', {
        method: 'POST',
      });
      expect(anonymous.status).toBe(401);
    });
  });

  it('shows a compromise declared on another instance within five seconds', async () => {
    clock.set('2026-12-06T05:00:00Z');
    const rotated = await post('prv_astana/keys/rotate');
    const { key } = (await rotated.json()) as { key: KeyJson };
    clock.set('2026-12-06T06:00:00Z');
    const certificate = await issue(registry);
    expect(certificate.kid).toBe(key.kid);

    const otherLogger = captureLogger();
    const other = await bootNode({
      config: loadConfig({ PUBLIC_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      clock,
      logger: otherLogger,
      keys: registry.keys,
      logKey: registry.logKey,
      database: registry.database,
      seedCertificates: false,
      processing: false,
    });
    const verifyThere = async () =>
      (
        (await (
          await other.app.request(
            `http://localhost/api/v1/verify/${tokenOf(certificate.verifyUrl)}`,
          )
        ).json()) as { verdict: string }
      ).verdict;
    expect(await verifyThere()).toBe('valid');

    // That instance's signer lacks the new key: a configuration to fix, which no retry cures,
    // so a coded 409 without Retry-After, and an error line naming the kid for the operator.
    const issueThere = await other.app.request('http://localhost/api/v1/certificates', {
      method: 'POST',
      headers: asOfficer(ASTANA),
      body: JSON.stringify(guardianshipRequest()),
    });
    expect(issueThere.headers.get('retry-after')).toBeNull();
    await expectError(issueThere, {
      status: 409,
      code: 'signing_key_not_held',
      message:
        "This instance holds no private key for the provider's active signing key: the " +
        'operator must add its seed to SIGNING_KEYS (configuration) and restart',
    });
    const missing = otherLogger.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'signing.key_missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ level: 'error', providerId: 'prv_astana', kid: key.kid });

    await post(`prv_astana/keys/${key.kid}/compromise`, { since: '2026-12-06T05:30:00Z' });
    clock.advance(5_000);
    expect(await verifyThere()).toBe('invalid');
  });
});

describe('rotation where the signer cannot make keys (production)', () => {
  it('answers a coded 409 telling the operator what to do, and changes nothing', async () => {
    const [target] = databaseTargets;
    if (!target) throw new Error('no database target');
    const registry = await startTestRegistry(target);
    try {
      const before = await registry.store.listKeys();
      await expectError(
        await registry.request('/api/v1/providers/prv_astana/keys/rotate', {
          method: 'POST',
          headers: ASTANA,
        }),
        {
          status: 409,
          code: 'key_generation_unavailable',
          message: /add the new seed to SIGNING_KEYS and restart/,
        },
      );
      expect(await registry.store.listKeys()).toEqual(before);
    } finally {
      await registry.close();
    }
  });
});
