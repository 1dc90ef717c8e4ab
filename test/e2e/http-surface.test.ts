import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALMATY, ASTANA, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';
import { type CertificateJson, expectError, issue, postIssue, tokenOf } from './client.js';

/** Checks the security headers every response must carry. */
function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';

  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe.each(databaseTargets)('the HTTP surface on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('answers GET /healthz with 200 ok, never cached', async () => {
    const response = await registry.request('/healthz');

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  const responses: { what: string; send: () => Response | Promise<Response> }[] = [
    { what: 'the health check', send: () => registry.request('/healthz') },
    { what: 'the front page', send: () => registry.request('/') },
    {
      what: 'the verify page',
      send: () => registry.request(new URL(certificate.verifyUrl).pathname),
    },
    {
      what: 'the verify API',
      send: () => registry.request(`/api/v1/verify/${tokenOf(certificate.verifyUrl)}`),
    },
    { what: 'the JWKS', send: () => registry.request('/.well-known/jwks.json') },
    {
      what: 'a document',
      send: () => registry.request(certificate.documents.png, { headers: ASTANA }),
    },
    { what: 'a 404', send: () => registry.request('/nope') },
    { what: 'a 401', send: () => registry.request(`/api/v1/certificates/${certificate.id}`) },
  ];

  it.each(responses)('sends the security headers with $what', async ({ send }) => {
    const response = await send();
    await response.arrayBuffer();

    expectSecurityHeaders(response);
    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it('adds Strict-Transport-Security on HTTPS only', async () => {
    const secure = await registry.request('https://verify.example.kz/healthz');
    const plain = await registry.request('http://verify.example.kz/healthz');

    expect(secure.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it.each([
    { what: 'the front page', path: () => '/' },
    { what: 'the verify page', path: () => new URL(certificate.verifyUrl).pathname },
    { what: 'an invalid verify page', path: () => '/v/NOTATOKEN' },
  ])('serves $what with no inline script or style, as the CSP demands', async ({ path }) => {
    const html = await (await registry.request(path())).text();

    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('keeps a well-formed X-Request-Id from a proxy, in the header and the error body', async () => {
    const response = await registry.request('/nope', {
      headers: { 'x-request-id': 'edge-2026-12-03-abcdef' },
    });

    expect(response.headers.get('x-request-id')).toBe('edge-2026-12-03-abcdef');
    const body = await expectError(response, {
      status: 404,
      code: 'not_found',
      message: 'No such resource',
    });
    expect(body.requestId).toBe('edge-2026-12-03-abcdef');
  });

  it.each([
    { what: 'too short', id: 'abc' },
    { what: 'with spaces', id: 'id with spaces 123' },
    { what: 'with markup', id: '<script>x</script>' },
    { what: 'too long', id: 'r'.repeat(65) },
  ])('replaces an incoming X-Request-Id that is $what', async ({ id }) => {
    const response = await registry.request('/nope', { headers: { 'x-request-id': id } });

    expect(response.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    await expectError(response, { status: 404, code: 'not_found', message: 'No such resource' });
  });

  it('gives every request its own id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, async () => (await registry.request('/healthz')).headers),
    );
    expect(new Set(ids.map((h) => h.get('x-request-id'))).size).toBe(5);
  });

  describe('one error shape for every status', () => {
    const cases = [
      {
        status: 400,
        code: 'validation_failed',
        field: 'type',
        send: () => postIssue(registry, { ...guardianshipRequest(), type: 'x' }),
      },
      {
        status: 401,
        code: 'unauthorized',
        send: () => registry.request(`/api/v1/certificates/${certificate.id}`),
      },
      {
        status: 404,
        code: 'not_found',
        send: () => registry.request(`/api/v1/certificates/${certificate.id}`, { headers: ALMATY }),
      },
      {
        status: 409,
        code: 'idempotency_conflict',
        send: async () => {
          await postIssue(registry, guardianshipRequest(), {
            headers: { 'idempotency-key': 'shape' },
          });
          return postIssue(
            registry,
            { ...guardianshipRequest(), validUntil: '2027-01-01' },
            { headers: { 'idempotency-key': 'shape' } },
          );
        },
      },
      {
        status: 413,
        code: 'payload_too_large',
        send: () => postIssue(registry, { padding: 'x'.repeat(20_000) }),
      },
      {
        status: 415,
        code: 'unsupported_media_type',
        send: () =>
          registry.request('/api/v1/certificates', {
            method: 'POST',
            headers: { ...ASTANA, 'content-type': 'text/plain' },
            body: '{}',
          }),
      },
      {
        status: 422,
        code: 'date_out_of_range',
        field: 'decision.date',
        send: () =>
          postIssue(registry, {
            ...guardianshipRequest(),
            decision: { number: '1', date: '2027-01-01' },
          }),
      },
    ];

    it.each(cases)('$status $code', async ({ status, code, field, send }) => {
      await expectError(await send(), {
        status,
        code,
        message: /\S/,
        ...(field ? { field } : {}),
      });
    });
  });
});

describe.each(databaseTargets)('when the database is gone on $name', (target) => {
  let registry: TestRegistry;
  let token: string;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    token = tokenOf((await issue(registry)).verifyUrl);
    await registry.close();
  });

  it('answers /healthz with 503 and Retry-After', async () => {
    const response = await registry.request('/healthz');

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });

  it('answers an uncached verification status_unavailable, without internals', async () => {
    // The token was issued but never verified, so no verification cache can answer for the database;
    // the keys were read at start, so the signature is still checked.
    const response = await registry.request(`/api/v1/verify/${token}`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(JSON.parse(text)).toMatchObject({ verdict: 'status_unavailable' });
    expect(text).not.toMatch(/select|from "|pglite|postgres|\bat \w+ \(|\.ts:\d+/i);
  });
});
