import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIin } from '../../src/demo/demo-iin.js';
import { ANONYMOUS_LIMITS } from '../../src/web/rate-limit.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, expectError, issue, tokenOf } from './client.js';

// Each limit counts per registry instance, so each case starts a registry of its own.
const target = databaseTargets[0] as (typeof databaseTargets)[number];

/** Sends `request` until the limit, then once more: the last must be refused. */
async function overTheLimit(
  { points, durationSeconds }: { points: number; durationSeconds: number },
  request: () => Response | Promise<Response>,
) {
  for (let i = 0; i < points; i++) {
    const response = await request();
    expect(response.status, await response.text()).toBeLessThan(429);
  }
  const refused = await request();
  const retryAfter = Number(refused.headers.get('retry-after'));
  await expectError(refused, {
    status: 429,
    code: 'rate_limited',
    message: /^Too many .* from this client; try again later$/,
  });
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(durationSeconds);
}

describe('limits on anonymous writes', () => {
  let registry: TestRegistry;
  let certificate: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('refuses EDS challenges over the limit with 429 and Retry-After', async () => {
    await overTheLimit(ANONYMOUS_LIMITS.edsChallenge, () =>
      registry.request('/api/v1/auth/eds/challenge', { method: 'POST' }),
    );
  });

  it('refuses receipts over the limit, JSON and PDF counted together', async () => {
    const token = tokenOf(certificate.verifyUrl);
    let n = 0;
    await overTheLimit(ANONYMOUS_LIMITS.receipts, () => {
      n += 1;
      const path = `/api/v1/verify/${token}/receipt${n % 2 ? '' : '.pdf'}`;
      return registry.request(path, { method: 'POST' });
    });
  });

  it('refuses sign-in codes over the limit per client, whatever the IINs', async () => {
    // Different valid IINs each time, so the limits per IIN and per phone never apply.
    let n = 0;
    await overTheLimit(ANONYMOUS_LIMITS.otpRequests, () => {
      n += 1;
      return registry.request('/api/v1/auth/otp', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ iin: demoIin('1990-01-01', 'female', 100 + 10 * n) }),
      });
    });
  });

  it('refuses uploads over the limit', async () => {
    await overTheLimit(ANONYMOUS_LIMITS.uploads, () => {
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.7 not really']), 'certificate.pdf');
      return registry.request('/api/v1/verify', { method: 'POST', body: form });
    });
  });
});
