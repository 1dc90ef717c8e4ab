import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { captureLogger } from '../../src/logging/logger.js';
import { bootNode } from '../../src/node/boot.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { ASTANA, PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, expectError, issue, postRevoke, tokenOf, verify } from './client.js';

const REVOKED_AT = '2026-12-10T09:30:00.000Z';
const REASONS =
  'guardianship_terminated, issued_in_error, superseded, data_changed, court_decision, holder_deceased';

describe.each(databaseTargets)('revoking on $name', (target) => {
  const clock = fixedClock('2026-12-03T07:00:00Z');
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target, { clock });
  });
  beforeEach(() => {
    clock.set('2026-12-03T07:00:00Z');
  });
  afterAll(async () => {
    await registry?.close();
  });

  const revokedEvents = async (id: string) =>
    (await registry.store.eventsFor(id)).filter((e) => e.kind === 'certificate.revoked');

  describe('a certificate revoked with a reason and a comment', () => {
    let certificate: CertificateJson;
    let revoked: CertificateJson;

    beforeAll(async () => {
      clock.set('2026-12-03T07:00:00Z');
      certificate = await issue(registry);

      clock.set(REVOKED_AT);
      const response = await postRevoke(registry, certificate.id, {
        reason: 'guardianship_terminated',
        comment: 'Решение акимата № 1-15/2400',
      });
      expect(response.status).toBe(200);
      revoked = (await response.json()) as CertificateJson;
    });

    it('answers 200 with the revocation recorded', () => {
      expect(revoked).toMatchObject({
        id: certificate.id,
        status: 'revoked',
        alreadyRevoked: false,
        revocation: {
          at: REVOKED_AT,
          reason: 'guardianship_terminated',
          comment: 'Решение акимата № 1-15/2400',
        },
      });
    });

    it('verifies as revoked at once, with the time and the reason', async () => {
      const result = await verify(registry, tokenOf(certificate.verifyUrl));

      expect(result).toMatchObject({
        verdict: 'revoked',
        message: 'The certificate was revoked by its issuer',
        revocation: { at: REVOKED_AT, reason: 'guardianship_terminated' },
        certificate: { id: certificate.id, serial: certificate.serial },
      });
    });

    it('keeps the comment for the provider, out of the public answer', async () => {
      const text = await (
        await registry.request(`/api/v1/verify/${tokenOf(certificate.verifyUrl)}`)
      ).text();
      expect(text).not.toContain('1-15/2400');

      const read = await registry.request(`/api/v1/certificates/${certificate.id}`, {
        headers: ASTANA,
      });
      expect(await read.json()).toMatchObject({
        status: 'revoked',
        revocation: { comment: 'Решение акимата № 1-15/2400' },
      });
    });

    it('shows the revoked verdict and the reason on the page', async () => {
      const html = await (await registry.request(new URL(certificate.verifyUrl).pathname)).text();

      expect(html).toContain('verdict-revoked');
      expect(html).toContain('Справка отозвана');
      expect(html).toContain('Опека (попечительство) прекращена');
      expect(html).not.toContain('guardianship_terminated');
      expect(html).toContain('10.12.2026, 14:30:00');
    });

    it('answers a second revocation with 200 and changes nothing', async () => {
      clock.set('2026-12-11T09:00:00Z');
      const again = await postRevoke(registry, certificate.id, { reason: 'issued_in_error' });

      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        status: 'revoked',
        alreadyRevoked: true,
        revocation: { at: REVOKED_AT, reason: 'guardianship_terminated' },
      });
      expect(await revokedEvents(certificate.id)).toHaveLength(1);
    });

    it('records exactly one certificate.revoked event, with the reason and no names', async () => {
      const events = await revokedEvents(certificate.id);

      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: 'officer:off_astana_1',
        providerId: 'prv_astana',
        data: { reason: 'guardianship_terminated' },
      });
      expect(JSON.stringify(events)).not.toContain('акимата');
    });
  });

  it('shows a revocation at once, even right after the valid answer was cached', async () => {
    const certificate = await issue(registry);
    const token = tokenOf(certificate.verifyUrl);
    expect((await verify(registry, token)).verdict).toBe('valid');

    await postRevoke(registry, certificate.id, { reason: 'issued_in_error' });

    expect((await verify(registry, token)).verdict).toBe('revoked');
  });

  it('shows a revocation made by another instance on the same database within a second', async () => {
    const certificate = await issue(registry);
    const token = tokenOf(certificate.verifyUrl);
    const other = await bootNode({
      config: loadConfig({ PUBLIC_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      clock,
      logger: captureLogger(),
      keys: registry.keys,
      logKey: registry.logKey,
      database: registry.database,
      seedCertificates: false,
    });
    const verifyThere = async () =>
      (
        (await (await other.app.request(`http://localhost/api/v1/verify/${token}`)).json()) as {
          verdict: string;
        }
      ).verdict;
    expect(await verifyThere()).toBe('valid');

    await postRevoke(registry, certificate.id, { reason: 'superseded' });

    clock.advance(1_000);
    expect(await verifyThere()).toBe('revoked');
  });

  it('revokes without a comment', async () => {
    const certificate = await issue(registry);
    const response = await postRevoke(registry, certificate.id, { reason: 'superseded' });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      revocation: { reason: 'superseded', comment: null },
    });
  });

  it('lets only one of five simultaneous revocations change the certificate', async () => {
    const certificate = await issue(registry);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        postRevoke(registry, certificate.id, { reason: 'superseded' }),
      ),
    );
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as CertificateJson[];

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(bodies.filter((b) => b.alreadyRevoked === false)).toHaveLength(1);
    expect(await revokedEvents(certificate.id)).toHaveLength(1);
  });

  describe('refuses a bad revocation request', () => {
    let certificate: CertificateJson;

    beforeAll(async () => {
      certificate = await issue(registry);
    });

    it.each([
      {
        what: 'a reason outside the closed set',
        body: { reason: 'changed_my_mind' },
        field: 'reason',
        message: `reason: expected one of ${REASONS}`,
      },
      {
        what: 'a missing reason',
        body: { comment: 'no reason given' },
        field: 'reason',
        message: 'reason: is required',
      },
      {
        what: 'a reason that is not a string',
        body: { reason: 7 },
        field: 'reason',
        message: `reason: expected one of ${REASONS}`,
      },
      {
        what: 'a comment over 500 characters',
        body: { reason: 'superseded', comment: 'я'.repeat(501) },
        field: 'comment',
        message: 'comment: at most 500 characters',
      },
      {
        what: 'a comment that is not a string',
        body: { reason: 'superseded', comment: ['a'] },
        field: 'comment',
        message: /^comment: .*expected string/,
      },
    ])('answers $what with 400 naming the field', async ({ body, field, message }) => {
      const response = await postRevoke(registry, certificate.id, body);

      await expectError(response, { status: 400, code: 'validation_failed', field, message });
      expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');
    });

    it('answers an unknown field with 400 that names it', async () => {
      const response = await postRevoke(registry, certificate.id, {
        reason: 'superseded',
        revokedAt: '2020-01-01',
      });

      await expectError(response, {
        status: 400,
        code: 'validation_failed',
        field: 'revokedAt',
        message: 'revokedAt: unknown field',
      });
    });

    it('answers an id never issued with 404', async () => {
      const response = await postRevoke(registry, `crt_${'a'.repeat(26)}`, {
        reason: 'superseded',
      });

      await expectError(response, {
        status: 404,
        code: 'not_found',
        message: 'No certificate with this id was issued by your provider',
      });
    });
  });
});
