import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../src/services/verification-result.js';
import { type EdgeRig, startEdgeRig } from '../support/edge-rig.js';
import { guardianshipRequest } from '../support/requests.js';

// A rig of its own: the compromise leaves the provider without a key to sign with.

const ASTANA = { authorization: 'Bearer demo-officer-astana' };

let rig: EdgeRig;

beforeAll(async () => {
  rig = await startEdgeRig(8830);
}, 180_000);

afterAll(async () => {
  await rig?.close();
});

async function verify(token: string) {
  const response = await rig.fetch(`/api/v1/verify/${token}`);
  expect(response.status).toBe(200);
  return {
    result: (await response.json()) as VerificationResult,
    cache: response.headers.get('x-edge-cache'),
  };
}

describe('a key compromised through the Worker', () => {
  it('turns the answers this isolate cached for the key invalid at once', async () => {
    const issued = await rig.node.request('/api/v1/certificates', {
      method: 'POST',
      headers: { ...ASTANA, 'content-type': 'application/json' },
      body: JSON.stringify(guardianshipRequest()),
    });
    expect(issued.status).toBe(201);
    const certificate = (await issued.json()) as {
      verifyUrl: string;
      issuedAt: string;
      kid: string;
    };
    const token = certificate.verifyUrl.split('/V/')[1] ?? '';

    expect((await verify(token)).cache).toBe('MISS');
    const warm = await verify(token);
    expect(warm.cache).toBe('HIT');
    expect(warm.result.verdict).toBe('valid');
    await rig.fetch(`/V/${token}`);
    expect((await rig.fetch(`/V/${token}`)).headers.get('x-edge-cache')).toBe('HIT');

    const compromised = await rig.fetch(
      `/api/v1/providers/prv_astana/keys/${certificate.kid}/compromise`,
      {
        method: 'POST',
        headers: { ...ASTANA, 'content-type': 'application/json' },
        body: JSON.stringify({ since: certificate.issuedAt }),
      },
    );
    expect(compromised.status, rig.output().slice(-2000)).toBe(200);
    expect(
      ((await compromised.json()) as { invalidatedCertificates: number }).invalidatedCertificates,
    ).toBe(1);

    const after = await verify(token);
    expect(after.cache).toBe('MISS');
    expect(after.result.verdict).toBe('invalid');
    expect(after.result.cause).toBe('key_compromised');
    // The page too.
    const page = await rig.fetch(`/V/${token}`);
    expect(page.headers.get('x-edge-cache')).toBe('MISS');
  });
});
