import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { breakCheckDigit } from '../support/iin.js';
import { guardianshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  download,
  expectError,
  issue,
  postIssue,
  postRevoke,
  TWELVE_DIGITS,
  tokenOf,
  verify,
} from './client.js';

const request = guardianshipRequest();
const PERSONAL = [
  request.guardian.iin,
  request.child.iin,
  request.guardian.lastName,
  request.guardian.firstName,
  request.guardian.middleName,
  request.child.lastName,
  request.child.firstName,
];
const COMMENT = 'Опекун Әбілқасымова отказалась от опеки';

describe.each(databaseTargets)('privacy of a full flow on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  let token: string;
  let issueRequestId: string | null;

  beforeAll(async () => {
    registry = await startTestRegistry(target);

    // The whole life of a certificate, and a few failures that carry personal data in the body.
    const issued = await postIssue(registry, request, { headers: { 'idempotency-key': 'flow-1' } });
    issueRequestId = issued.headers.get('x-request-id');
    certificate = (await issued.json()) as CertificateJson;
    token = tokenOf(certificate.verifyUrl);

    await postIssue(registry, request, { headers: { 'idempotency-key': 'flow-1' } });
    await registry.request(`/api/v1/certificates/${certificate.id}`, { headers: ASTANA });
    await download(registry, certificate.id, 'png');
    await verify(registry, token);
    await registry.request(`/v/${token}`);
    await registry.request(`/api/v1/verify/${token.slice(0, 100)}`);
    await postRevoke(registry, certificate.id, { reason: 'data_changed', comment: COMMENT });
    await verify(registry, token);
    const guardian = { ...request.guardian, iin: breakCheckDigit(request.guardian.iin) };
    await postIssue(registry, { ...request, guardian });
    await postIssue(registry, request, { officer: { authorization: 'Bearer not-a-real-token-1' } });
    await registry.request(`/api/v1/certificates/${certificate.id}`, {
      headers: { authorization: `Bearer ${request.child.iin}` },
    });
  });
  afterAll(async () => {
    await registry?.close();
  });

  const logText = () => registry.logger.lines.join('\n');

  it('logged something, one JSON object per line', () => {
    expect(registry.logger.lines.length).toBeGreaterThan(3);
    for (const line of registry.logger.lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('logs no IIN and no name', () => {
    const text = logText();
    for (const value of PERSONAL) expect(text).not.toContain(value);
    expect(text).not.toMatch(TWELVE_DIGITS);
  });

  it('logs no QR token, not even a part of one', () => {
    const text = logText();
    expect(text).not.toContain(token);
    expect(text.toUpperCase()).not.toContain(token.slice(60, 90));
  });

  it('logs no bearer token and no revocation comment', () => {
    const text = logText();
    for (const secret of ['demo-officer-astana', 'not-a-real-token-1', 'Bearer', COMMENT]) {
      expect(text).not.toContain(secret);
    }
  });

  it('ties the issuance log lines to the request id the caller saw', () => {
    const issuedLine = registry.logger.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.event === 'certificate.issued');

    expect(issuedLine).toMatchObject({
      requestId: issueRequestId,
      certificateId: certificate.id,
      providerId: 'prv_astana',
    });
  });

  it('keeps the event log to ids and codes', async () => {
    const events = JSON.stringify(await registry.store.eventsFor(certificate.id));

    for (const value of [...PERSONAL, COMMENT]) expect(events).not.toContain(value);
    expect(events).not.toContain(token);
  });

  it('never tells one provider the personal data of another in an error', async () => {
    const response = await registry.request(`/api/v1/certificates/${certificate.id}`, {
      headers: { authorization: 'Bearer demo-officer-almaty' },
    });
    const text = await response.text();

    for (const value of PERSONAL) expect(text).not.toContain(value);
  });

  it('gives 100 certificates 100 distinct crt_ ids of 26 base32 characters', async () => {
    const issued: CertificateJson[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const ten = await Promise.all(Array.from({ length: 10 }, () => issue(registry)));
      issued.push(...ten);
    }

    for (const { id } of issued) expect(id).toMatch(/^crt_[a-z2-7]{26}$/);
    expect(new Set(issued.map((c) => c.id)).size).toBe(100);
    expect(new Set(issued.map((c) => c.serial)).size).toBe(100);
    expect(new Set(issued.map((c) => c.verifyUrl)).size).toBe(100);
  });

  it.each([
    { method: 'GET', path: '/nope' },
    { method: 'GET', path: '/api/v1/nope' },
    { method: 'GET', path: '/api/v2/verify/AAAA' },
    { method: 'GET', path: '/.well-known/openid-configuration' },
    { method: 'GET', path: '/%2e%2e/%2e%2e/etc/passwd' },
    { method: 'GET', path: `/${'x'.repeat(5000)}` },
  ])('answers $method $path with 404 in the one error shape', async ({ method, path }) => {
    const response = await registry.request(path, { method, headers: asOfficer(ASTANA) });

    await expectError(response, { status: 404, code: 'not_found', message: 'No such resource' });
  });

  it.each([
    { method: 'POST', path: '/api/v1/verify/AAAA', allow: 'GET, HEAD' },
    { method: 'GET', path: '/api/v1/verify', allow: 'POST' },
    { method: 'DELETE', path: `/api/v1/certificates/crt_${'a'.repeat(26)}`, allow: 'GET, HEAD' },
    { method: 'PUT', path: '/.well-known/jwks.json', allow: 'GET, HEAD' },
  ])('answers $method $path with 405 in the one error shape', async ({ method, path, allow }) => {
    const response = await registry.request(path, { method, headers: asOfficer(ASTANA) });

    expect(response.headers.get('allow')).toBe(allow);
    await expectError(response, {
      status: 405,
      code: 'method_not_allowed',
      message: `${method} is not allowed here; this resource takes ${allow}`,
    });
  });
});
