import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/runtime/clock.js';
import { DevKeyMaker } from '../../src/signer/key-maker.js';
import { ASTANA, asOfficer, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, issue, tokenOf, verify } from './client.js';

interface ApiKey {
  kid: string;
  notBefore: string;
  notAfter: string | null;
  compromisedSince: string | null;
}
interface Jwk {
  kid: string;
  nbf: number;
  exp?: number;
  compromisedSince?: number;
}

// The JWKS gives the key's instants to the millisecond (RFC 7519 NumericDate may have a
// fraction), so an offline verifier draws the compromise line exactly where the registry does.
describe('the instants of the JWKS', () => {
  const [target] = databaseTargets;
  const clock = fixedClock('2026-12-03T07:00:00.123Z');
  let registry: TestRegistry;
  let keyDir: string;
  let certificate: CertificateJson;
  let compromised: ApiKey;
  let retired: ApiKey;

  beforeAll(async () => {
    if (!target) throw new Error('no database target');
    keyDir = await mkdtemp(join(tmpdir(), 'jwks-instants-'));
    registry = await startTestRegistry(target, {
      clock,
      keyMaker: (signer) => new DevKeyMaker(signer, keyDir),
    });
    const post = async (path: string, body?: unknown) => {
      const response = await registry.request(`/api/v1/providers/prv_astana/keys/${path}`, {
        method: 'POST',
        headers: asOfficer(ASTANA),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return response.json();
    };

    // Rotated at a moment with milliseconds: the old key's window closes there.
    clock.set('2026-12-04T05:00:00.987Z');
    const rotation = (await post('rotate')) as { key: ApiKey; retired: ApiKey[] };
    [retired] = rotation.retired as [ApiKey];

    // Signed 29 ms before the compromise the administrator declares.
    clock.set('2026-12-04T09:24:29.421Z');
    certificate = await issue(registry);
    expect(certificate.kid).toBe(rotation.key.kid);
    clock.set('2026-12-04T10:00:00.000Z');
    compromised = (
      (await post(`${certificate.kid}/compromise`, {
        since: '2026-12-04T09:24:29.450Z',
      })) as { key: ApiKey }
    ).key;
  });
  afterAll(async () => {
    await registry?.close();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  const published = async (kid: string): Promise<Jwk> => {
    const response = await registry.request('/.well-known/jwks.json');
    const key = ((await response.json()) as { keys: Jwk[] }).keys.find((k) => k.kid === kid);
    if (!key) throw new Error(`kid ${kid} is not in the JWKS`);
    return key;
  };

  it('publishes compromisedSince as the API instant / 1000, milliseconds and all', async () => {
    expect(compromised.compromisedSince).toBe('2026-12-04T09:24:29.450Z');
    const key = await published(compromised.kid);
    expect(key.compromisedSince).toBe(Date.parse('2026-12-04T09:24:29.450Z') / 1000);
    expect(key.compromisedSince).toBe(1796376269.45);
  });

  it('publishes nbf and exp as the API notBefore and notAfter / 1000', async () => {
    const old = await published(retired.kid);
    expect(retired.notBefore).toBe('2026-12-03T07:00:00.123Z');
    expect(retired.notAfter).toBe('2026-12-04T05:00:00.987Z');
    expect(old.nbf).toBe(Date.parse('2026-12-03T07:00:00.123Z') / 1000);
    expect(old.exp).toBe(Date.parse('2026-12-04T05:00:00.987Z') / 1000);

    const now = await published(compromised.kid);
    expect(now.nbf).toBe(Date.parse(compromised.notBefore) / 1000);
    expect(now.exp).toBe(Date.parse(compromised.notAfter ?? '') / 1000);
  });

  it('lets an offline verifier agree with the registry about a certificate signed just before', async () => {
    expect((await verify(registry, tokenOf(certificate.verifyUrl))).verdict).toBe('valid');
    // The README's rule: issued at or after compromisedSince is not to be trusted.
    const key = await published(certificate.kid);
    const issuedAt = Date.parse(certificate.issuedAt) / 1000;
    expect(issuedAt).toBe(1796376269.421);
    expect(issuedAt >= (key.compromisedSince ?? 0)).toBe(false);
  });
});
