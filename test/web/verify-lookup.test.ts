import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOOKUP_LIMITS } from '../../src/services/verification-lookup.js';
import { type CertificateJson, expectError, issue, postRevoke, tokenOf } from '../e2e/client.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { breakCheckDigit, makeIin } from '../support/iin.js';
import { guardianshipRequest } from '../support/requests.js';

const lookup = (registry: TestRegistry, body: unknown) =>
  registry.request('/api/v1/verify/lookup', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.each(databaseTargets)('lookup by serial and IIN on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  const request = guardianshipRequest();

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry, request);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it.each([
    ['the guardian', () => request.guardian.iin],
    ['the child', () => request.child.iin],
  ])('answers the verdict of the QR code for the IIN of %s', async (_who, iin) => {
    const response = await lookup(registry, { serial: certificate.serial, iin: iin() });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const byLookup = (await response.json()) as { verdict: string };

    const byToken = await (
      await registry.request(`/api/v1/verify/${tokenOf(certificate.verifyUrl)}`)
    ).json();
    expect(byLookup).toEqual(byToken);
    expect(byLookup.verdict).toBe('valid');
    expect(JSON.stringify(byLookup)).not.toContain(iin());
  });

  it('takes the serial in any case and with spaces around it', async () => {
    const response = await lookup(registry, {
      serial: ` ${certificate.serial.toLowerCase()} `,
      iin: request.child.iin,
    });
    expect(((await response.json()) as { verdict: string }).verdict).toBe('valid');
  });

  it('answers not_found for another person’s IIN, exactly as for a serial never issued', async () => {
    const other = makeIin('1990-01-01', 'male', 5);
    const wrongIin = await (
      await lookup(registry, { serial: certificate.serial, iin: other })
    ).json();
    const noSerial = await (
      await lookup(registry, { serial: 'AST-2026-999999', iin: request.child.iin })
    ).json();

    for (const answer of [wrongIin, noSerial]) {
      expect(answer).toEqual({
        verdict: 'not_found',
        message: 'The registry holds no certificate with this serial and IIN',
        checkedAt: '2026-12-03T07:00:00.000Z',
      });
    }
  });

  it('shows a revocation like the QR code does', async () => {
    const revoked = await issue(
      registry,
      guardianshipRequest({ decision: { number: '9', date: '2026-11-01' } }),
    );
    await postRevoke(registry, revoked.id, { reason: 'court_decision' });
    const answer = await (
      await lookup(registry, { serial: revoked.serial, iin: request.child.iin })
    ).json();
    expect(answer).toMatchObject({ verdict: 'revoked', revocation: { reason: 'court_decision' } });
  });

  it.each([
    [
      'serial',
      { serial: 'AST-26-3', iin: '850412430212' },
      /^serial: expected the serial as printed/,
    ],
    ['serial', { iin: '850412430212' }, /^serial: is required/],
    ['iin', { serial: 'AST-2026-000001', iin: '85041243021' }, /^iin: expected 12 digits$/],
    ['iin', { serial: 'AST-2026-000001' }, /^iin: is required/],
    [
      'token',
      { serial: 'AST-2026-000001', iin: '850412430212', token: 'x' },
      /^token: unknown field/,
    ],
  ])(
    'refuses a bad %s with 400 naming it, never repeating the IIN',
    async (field, body, message) => {
      await expectError(await lookup(registry, body), {
        status: 400,
        code: 'validation_failed',
        field,
        message,
      });
    },
  );

  it('refuses an IIN whose check digit does not match with 422 invalid_iin, as elsewhere', async () => {
    await expectError(
      await lookup(registry, { serial: 'AST-2026-000001', iin: breakCheckDigit('850412430212') }),
      {
        status: 422,
        code: 'invalid_iin',
        field: 'iin',
        message: /^iin: check digit does not match$/,
      },
    );
  });

  it('answers the front page’s form without JavaScript with the verdict page', async () => {
    const form = (fields: Record<string, string>) =>
      registry.request('/lookup?lang=en', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });

    const found = await form({ serial: certificate.serial, iin: request.guardian.iin });
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain('verdict-valid');
    expect(html).toContain(certificate.serial);
    expect(html).not.toContain(request.guardian.iin);

    const badIin = await form({ serial: certificate.serial, iin: '123' });
    expect(badIin.status).toBe(400);
    const page = await badIin.text();
    expect(page).toContain('IIN: exactly 12 digits.');
    expect(page).toContain(`value="${certificate.serial}"`);
  });

  it('logs neither the serial’s IIN nor the IIN itself', () => {
    const logs = registry.logger.lines.join('\n');
    expect(logs).not.toContain(request.child.iin);
    expect(logs).not.toContain(request.guardian.iin);
  });
});

describe('lookup limits', () => {
  // A registry of its own: the limits it uses up must not reach the other tests.
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('stops a visitor after the limit with 429 and Retry-After', async () => {
    const certificate = await issue(registry);
    const iin = guardianshipRequest().child.iin;
    for (let i = 0; i < LOOKUP_LIMITS.perVisitor.points; i++) {
      expect((await lookup(registry, { serial: certificate.serial, iin })).status).toBe(200);
    }
    const over = await lookup(registry, { serial: certificate.serial, iin });
    await expectError(over, { status: 429, code: 'rate_limited', message: /Too many lookups/ });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('closes a serial to guessing after repeated wrong IINs, even for the right IIN', async () => {
    const certificate = await issue(registry);
    const lookups = registry.services.verificationLookup;
    const wrong = '850412430212';
    // Each guess from another address, so only the per-serial limit can stop them.
    for (let i = 0; i < LOOKUP_LIMITS.missesPerSerial.points; i++) {
      const answer = await lookups.lookup(certificate.serial, wrong, `visitor-${i}`);
      expect(answer).toMatchObject({ ok: true, result: { verdict: 'not_found' } });
    }
    const blocked = await lookups.lookup(
      certificate.serial,
      guardianshipRequest().child.iin,
      'someone-else',
    );
    expect(blocked).toMatchObject({ ok: false, retryAfter: expect.any(Number) });
  });
});
