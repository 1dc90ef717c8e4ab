import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logEntries } from '../../db/schema.js';
import { fixedClock } from '../../src/runtime/clock.js';
import { decodeLogEntry } from '../../src/translog/log-entry.js';
import { ALMATY, ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import {
  type CertificateJson,
  expectError,
  issue,
  type Officer,
  postRevoke,
  tokenOf,
  verify,
} from './client.js';

const SUSPENDED_AT = '2026-12-10T09:30:00.000Z';
const REINSTATED_AT = '2026-12-20T04:00:00.000Z';
const REASONS = 'court_proceedings, under_review, document_lost';

interface SuspensionJson extends CertificateJson {
  suspension?: { at: string; reason: string };
  alreadySuspended?: boolean;
  alreadyActive?: boolean;
  suspensions?: Record<string, string | null>[];
}

describe.each(databaseTargets)('suspending on $name', (target) => {
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

  const post = (id: string, action: 'suspend' | 'reinstate', body: unknown, who = ASTANA) =>
    registry.request(`/api/v1/certificates/${id}/${action}`, {
      method: 'POST',
      headers: asOfficer(who),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const suspend = (id: string, body: unknown = { reason: 'court_proceedings' }, who?: Officer) =>
    post(id, 'suspend', body, who);
  const reinstate = (id: string, body: unknown = {}, who?: Officer) =>
    post(id, 'reinstate', body, who);
  const eventKinds = async (id: string) => (await registry.store.eventsFor(id)).map((e) => e.kind);
  const logged = async (id: string) =>
    (
      await registry.database.db.select().from(logEntries).where(eq(logEntries.certificateId, id))
    ).map((row) => decodeLogEntry(row.data));

  describe('a certificate suspended pending a court decision, then reinstated', () => {
    let certificate: CertificateJson;
    let suspended: SuspensionJson;

    beforeAll(async () => {
      certificate = await issue(registry);
      clock.set(SUSPENDED_AT);
      const response = await suspend(certificate.id, {
        reason: 'court_proceedings',
        comment: 'Иск № 2-1234/2026, Есильский районный суд',
      });
      expect(response.status).toBe(200);
      suspended = (await response.json()) as SuspensionJson;
    });

    it('answers 200 with the suspension', () => {
      expect(suspended).toMatchObject({
        id: certificate.id,
        status: 'suspended',
        alreadySuspended: false,
        suspension: { at: SUSPENDED_AT, reason: 'court_proceedings' },
      });
    });

    it('verifies as suspended, distinct from revoked, with the time and reason', async () => {
      clock.set('2026-12-11T00:00:00Z');
      const result = await verify(registry, tokenOf(certificate.verifyUrl));

      expect(result).toMatchObject({
        verdict: 'suspended',
        message: 'The certificate is suspended by its issuer for the time being',
        suspension: { at: SUSPENDED_AT, reason: 'court_proceedings' },
        certificate: { id: certificate.id, serial: certificate.serial },
      });
      expect(result.revocation).toBeUndefined();
      expect(JSON.stringify(result)).not.toContain('2-1234');
    });

    it('shows the suspension on the page in words, in Russian and Kazakh', async () => {
      const path = new URL(certificate.verifyUrl).pathname;
      const ru = await (await registry.request(path)).text();
      const kk = await (await registry.request(`${path}?lang=kk`)).text();

      expect(ru).toContain('verdict-suspended');
      expect(ru).toContain('Действие справки приостановлено');
      expect(ru).toContain('До решения суда');
      expect(ru).toContain('10.12.2026, 14:30:00');
      expect(ru).not.toContain('court_proceedings');
      expect(kk).toContain('Анықтаманың күші уақытша тоқтатылды');
    });

    it('keeps the comment for the provider, in the history', async () => {
      const read = await registry.request(`/api/v1/certificates/${certificate.id}`, {
        headers: ASTANA,
      });
      const json = (await read.json()) as SuspensionJson;

      expect(json.suspensions).toEqual([
        {
          suspendedAt: SUSPENDED_AT,
          suspendedBy: 'officer:off_astana_1',
          reason: 'court_proceedings',
          comment: 'Иск № 2-1234/2026, Есильский районный суд',
          reinstatedAt: null,
          reinstatedBy: null,
          reinstatementComment: null,
        },
      ]);
    });

    it('answers a second suspension with 200 and changes nothing', async () => {
      clock.set('2026-12-12T00:00:00Z');
      const again = await suspend(certificate.id, { reason: 'under_review' });

      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({
        status: 'suspended',
        alreadySuspended: true,
        suspension: { at: SUSPENDED_AT, reason: 'court_proceedings' },
      });
      expect(await eventKinds(certificate.id)).toEqual([
        'certificate.issued',
        'certificate.suspended',
      ]);
    });

    it('reinstates: valid again, once, with both changes in the public log', async () => {
      clock.set(REINSTATED_AT);
      const response = await reinstate(certificate.id, { comment: 'Суд отказал в иске' });
      const again = await reinstate(certificate.id);

      expect(response.status).toBe(200);
      const json = (await response.json()) as SuspensionJson;
      expect(json).toMatchObject({ status: 'active', alreadyActive: false });
      expect(json.suspension).toBeUndefined();
      expect(await again.json()).toMatchObject({ status: 'active', alreadyActive: true });
      expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');

      expect(await eventKinds(certificate.id)).toEqual([
        'certificate.issued',
        'certificate.suspended',
        'certificate.reinstated',
      ]);
      const events = await registry.store.eventsFor(certificate.id);
      expect(events[1]).toMatchObject({
        actor: 'officer:off_astana_1',
        data: { reason: 'court_proceedings' },
      });
      expect(JSON.stringify(events)).not.toContain('Суд');

      expect(await logged(certificate.id)).toEqual([
        expect.objectContaining({ kind: 'certificate.issued' }),
        {
          v: 1,
          kind: 'certificate.suspended',
          at: SUSPENDED_AT,
          providerId: 'prv_astana',
          certificateId: certificate.id,
          reason: 'court_proceedings',
        },
        {
          v: 1,
          kind: 'certificate.reinstated',
          at: REINSTATED_AT,
          providerId: 'prv_astana',
          certificateId: certificate.id,
        },
      ]);
    });

    it('closes the suspension in the history with the reinstatement comment', async () => {
      const read = await registry.request(`/api/v1/certificates/${certificate.id}`, {
        headers: ASTANA,
      });
      const json = (await read.json()) as SuspensionJson;

      expect(json.suspensions?.[0]).toMatchObject({
        reinstatedAt: REINSTATED_AT,
        reinstatedBy: 'officer:off_astana_1',
        reinstatementComment: 'Суд отказал в иске',
      });
    });
  });

  it('shows a suspension at once, even right after the valid answer was cached', async () => {
    const certificate = await issue(registry);
    const token = tokenOf(certificate.verifyUrl);
    expect((await verify(registry, token)).verdict).toBe('valid');

    await suspend(certificate.id, { reason: 'document_lost' });
    expect((await verify(registry, token)).verdict).toBe('suspended');
    await reinstate(certificate.id);
    expect((await verify(registry, token)).verdict).toBe('valid');
  });

  it('revokes a suspended certificate for good; after that neither action is allowed', async () => {
    const certificate = await issue(registry);
    await suspend(certificate.id);
    expect((await postRevoke(registry, certificate.id, { reason: 'court_decision' })).status).toBe(
      200,
    );
    expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('revoked');

    const message =
      'The certificate is revoked: revocation is final, it cannot be suspended or reinstated';
    await expectError(await suspend(certificate.id), {
      status: 409,
      code: 'certificate_revoked',
      message,
    });
    await expectError(await reinstate(certificate.id), {
      status: 409,
      code: 'certificate_revoked',
      message,
    });
    expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('revoked');
  });

  it('lets only one of five simultaneous suspensions change the certificate', async () => {
    const certificate = await issue(registry);
    const responses = await Promise.all(Array.from({ length: 5 }, () => suspend(certificate.id)));
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as SuspensionJson[];

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(bodies.filter((b) => b.alreadySuspended === false)).toHaveLength(1);
    expect(await eventKinds(certificate.id)).toEqual([
      'certificate.issued',
      'certificate.suspended',
    ]);
  });

  it('answers another provider’s officer 404 and leaves the certificate valid', async () => {
    const certificate = await issue(registry);
    const notYours = {
      status: 404,
      code: 'not_found',
      message: 'No certificate with this id was issued by your provider',
    };

    await expectError(await suspend(certificate.id, undefined, ALMATY), notYours);
    await expectError(await reinstate(certificate.id, undefined, ALMATY), notYours);
    expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');
  });

  describe('refuses a bad request', () => {
    let certificate: CertificateJson;

    beforeAll(async () => {
      certificate = await issue(registry);
    });

    it.each([
      {
        what: 'a reason outside the closed set',
        body: { reason: 'guardianship_terminated' },
        field: 'reason',
        message: `reason: expected one of ${REASONS}`,
      },
      {
        what: 'a missing reason',
        body: { comment: 'без причины' },
        field: 'reason',
        message: 'reason: is required',
      },
      {
        what: 'a comment over 500 characters',
        body: { reason: 'under_review', comment: 'я'.repeat(501) },
        field: 'comment',
        message: 'comment: at most 500 characters',
      },
      {
        what: 'an unknown field',
        body: { reason: 'under_review', until: '2027-01-01' },
        field: 'until',
        message: 'until: unknown field',
      },
    ])('suspend: answers $what with 400 naming the field', async ({ body, field, message }) => {
      await expectError(await suspend(certificate.id, body), {
        status: 400,
        code: 'validation_failed',
        field,
        message,
      });
      expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');
    });

    it('reinstate: answers an unknown field and a long comment with 400 naming them', async () => {
      await expectError(await reinstate(certificate.id, { reason: 'court_proceedings' }), {
        status: 400,
        code: 'validation_failed',
        field: 'reason',
        message: 'reason: unknown field',
      });
      await expectError(await reinstate(certificate.id, { comment: 'я'.repeat(501) }), {
        status: 400,
        code: 'validation_failed',
        field: 'comment',
        message: 'comment: at most 500 characters',
      });
    });

    it('answers a body that is not JSON with 400 malformed_json', async () => {
      const response = await suspend(certificate.id, '{"reason":');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'malformed_json',
      );
    });
  });
});
