import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/runtime/clock.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { makeIin } from '../support/iin.js';
import { guardianshipRequest, trusteeshipRequest } from '../support/requests.js';
import { expectError, issue, postIssue, postRevoke, tokenOf, verify } from './client.js';

// Asia/Almaty is UTC+5 since 2024-03-01: local midnight of day D is D-1 19:00 UTC.
const ISSUE_TIME = '2026-12-03T07:00:00Z';

/** The request with a child born on `birthDate` (and a matching IIN). */
function withChild(birthDate: string, request: Record<string, unknown> = guardianshipRequest()) {
  const child = { ...(request.child as object), iin: makeIin(birthDate, 'female', 9), birthDate };
  return { ...request, child, decision: { number: '7/77', date: '2026-12-01' } };
}

describe.each(databaseTargets)('validity dates in Almaty time on $name', (target) => {
  const clock = fixedClock(ISSUE_TIME);
  let registry: TestRegistry;

  beforeAll(async () => {
    registry = await startTestRegistry(target, { clock });
  });
  beforeEach(() => {
    clock.set(ISSUE_TIME);
  });
  afterAll(async () => {
    await registry?.close();
  });

  /** The verdict for a token at a given instant. */
  const verdictAt = async (token: string, instant: string) => {
    clock.set(instant);
    return (await verify(registry, token)).verdict;
  };

  describe('a certificate valid until 2027-03-01', () => {
    let token: string;

    beforeAll(async () => {
      clock.set(ISSUE_TIME);
      const certificate = await issue(registry, {
        ...guardianshipRequest(),
        validUntil: '2027-03-01',
      });
      expect(certificate.validUntil).toBe('2027-03-01');
      token = tokenOf(certificate.verifyUrl);
    });

    it.each([
      { local: '2027-03-01 05:00:00', instant: '2027-03-01T00:00:00Z', verdict: 'valid' },
      { local: '2027-03-01 23:59:59', instant: '2027-03-01T18:59:59Z', verdict: 'valid' },
      { local: '2027-03-01 23:59:59.999', instant: '2027-03-01T18:59:59.999Z', verdict: 'valid' },
      { local: '2027-03-02 00:00:00', instant: '2027-03-01T19:00:00Z', verdict: 'expired' },
      { local: '2027-03-02 00:00:01', instant: '2027-03-01T19:00:01Z', verdict: 'expired' },
    ])('is $verdict at $local Almaty', async ({ instant, verdict }) => {
      expect(await verdictAt(token, instant)).toBe(verdict);
    });

    it('says expired on the page the morning after', async () => {
      clock.set('2027-03-02T04:00:00Z');
      const html = await (await registry.request(`/v/${token}`)).text();

      expect(html).toContain('verdict-expired');
      expect(html).toContain('Срок действия справки истёк');
    });

    it('says expired through the API with the certificate details', async () => {
      clock.set('2027-03-02T04:00:00Z');
      expect(await verify(registry, token)).toMatchObject({
        verdict: 'expired',
        message: 'The certificate has expired',
        certificate: { validUntil: '2027-03-01' },
      });
    });
  });

  describe('not valid yet', () => {
    let token: string;

    beforeAll(async () => {
      clock.set(ISSUE_TIME);
      token = tokenOf((await issue(registry)).verifyUrl);
    });

    it.each([
      { local: '2026-12-02 23:59:59', instant: '2026-12-02T18:59:59Z', verdict: 'not_yet_valid' },
      { local: '2026-12-03 00:00:00', instant: '2026-12-02T19:00:00Z', verdict: 'valid' },
    ])('is $verdict at $local Almaty, with validFrom 2026-12-03', async ({ instant, verdict }) => {
      expect(await verdictAt(token, instant)).toBe(verdict);
    });

    it('says so on the page and through the API', async () => {
      clock.set('2026-11-30T12:00:00Z');
      const html = await (await registry.request(`/v/${token}`)).text();

      expect(html).toContain('verdict-not_yet_valid');
      expect(await verify(registry, token)).toMatchObject({
        verdict: 'not_yet_valid',
        message: 'The certificate is not valid yet',
      });
    });
  });

  it.each([
    {
      what: 'guardianship ends the day before the 14th birthday',
      request: guardianshipRequest(),
      validUntil: '2032-03-08',
    },
    {
      what: 'trusteeship ends the day before the 18th birthday',
      request: trusteeshipRequest(),
      validUntil: '2029-06-29',
    },
    {
      what: 'guardianship of a child born on 29 February ends on 27 February',
      request: withChild('2016-02-29'),
      validUntil: '2030-02-27',
    },
  ])('by default, $what', async ({ request, validUntil }) => {
    const certificate = await issue(registry, request);
    const token = tokenOf(certificate.verifyUrl);

    expect(certificate.validUntil).toBe(validUntil);
    expect(await verdictAt(token, `${validUntil}T18:59:59Z`)).toBe('valid');
    expect(await verdictAt(token, `${validUntil}T19:00:00Z`)).toBe('expired');
  });

  it('dates a certificate issued at 00:30 Almaty (19:30 UTC the day before) by the Almaty day', async () => {
    clock.set('2026-12-03T19:30:00Z');
    const certificate = await issue(registry, withChild('2019-01-15'));

    expect(certificate.validFrom).toBe('2026-12-04');
    expect(await verify(registry, tokenOf(certificate.verifyUrl))).toMatchObject({
      verdict: 'valid',
      certificate: { validFrom: '2026-12-04' },
    });
  });

  it('starts the serials of a new year at the Almaty New Year, not the UTC one', async () => {
    clock.set('2026-12-31T19:30:00Z');
    const certificate = await issue(registry, withChild('2019-01-15'));

    expect(certificate.serial).toBe('AST-2027-000001');
    expect(certificate.validFrom).toBe('2027-01-01');
  });

  describe('a child whose 14th birthday is 2026-12-04', () => {
    const request = withChild('2012-12-04');

    it('is still under guardianship at 23:59:59 Almaty the day before, through that day', async () => {
      clock.set('2026-12-03T18:59:59Z');
      const certificate = await issue(registry, request);

      expect(certificate.validUntil).toBe('2026-12-03');
      expect(await verdictAt(tokenOf(certificate.verifyUrl), '2026-12-03T18:59:59Z')).toBe('valid');
      expect(await verdictAt(tokenOf(certificate.verifyUrl), '2026-12-03T19:00:00Z')).toBe(
        'expired',
      );
    });

    it('needs trusteeship from 00:00 Almaty on the birthday', async () => {
      clock.set('2026-12-03T19:00:00Z');
      await expectError(await postIssue(registry, request), {
        status: 422,
        code: 'age_does_not_fit_type',
        field: 'type',
        message:
          "type: guardianship is for a child aged 0 to 13 on the issue day; the child's age calls for trusteeship",
      });

      const trusteeship = await issue(registry, { ...request, type: 'trusteeship' });
      expect(trusteeship.validUntil).toBe('2030-12-03');
    });
  });

  it.each([
    { born: '2008-12-03', status: 201, what: 'accepts a guardian who turns 18 on the issue day' },
    { born: '2008-12-04', status: 422, what: 'refuses a guardian who turns 18 the next day' },
  ])('$what', async ({ born, status }) => {
    const request = guardianshipRequest();
    const body = { ...request, guardian: { ...request.guardian, iin: makeIin(born, 'male', 8) } };

    expect((await postIssue(registry, body)).status).toBe(status);
  });

  it('answers revoked, not expired, for a revoked certificate past its end', async () => {
    const certificate = await issue(registry, {
      ...guardianshipRequest(),
      validUntil: '2027-01-31',
    });
    await postRevoke(registry, certificate.id, { reason: 'data_changed' });

    expect(await verdictAt(tokenOf(certificate.verifyUrl), '2027-06-01T00:00:00Z')).toBe('revoked');
  });
});
