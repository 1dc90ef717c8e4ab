import { createPublicKey, type JsonWebKey, verify as nodeVerify } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseToken } from '../../src/crypto/token.js';
import { ALMATY, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';
import { type CertificateJson, issue, tokenOf } from './client.js';

type PublishedKey = JWK & { kid: string; provider: string; status: string; nbf: number };

/** The signature and the exact signed bytes of a token, read with our parser. */
function signed(certificate: CertificateJson) {
  const parsed = parseToken(tokenOf(certificate.verifyUrl));
  if (!parsed.ok) throw new Error(`the issued token does not parse: ${parsed.message}`);
  return parsed.token;
}

describe.each(databaseTargets)('the published keys on $name', (target) => {
  let registry: TestRegistry;
  let keys: PublishedKey[];
  let astana: CertificateJson;
  let almaty: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    astana = await issue(registry);
    almaty = await issue(registry, trusteeshipRequest(), ALMATY);

    const response = await registry.request('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    keys = ((await response.json()) as { keys: PublishedKey[] }).keys;
  });
  afterAll(async () => {
    await registry?.close();
  });

  const keyOf = (kid: string): PublishedKey => {
    const key = keys.find((k) => k.kid === kid);
    if (!key) throw new Error(`kid ${kid} is not in the JWKS`);
    return key;
  };

  it('lists one Ed25519 public key per provider, with its provider and validity', () => {
    expect(keys.map((k) => k.provider).sort()).toEqual(['prv_almaty_medeu', 'prv_astana']);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key.status).toBe('active');
      expect(key.nbf).toBe(Date.parse('2026-12-03T07:00:00Z') / 1000);
      expect(key.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('never publishes a private part', () => {
    for (const key of keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('seed');
    }
  });

  it('names each key by its RFC 7638 thumbprint, as jose computes it', async () => {
    for (const key of keys) {
      expect(await calculateJwkThumbprint({ kty: key.kty, crv: key.crv, x: key.x })).toBe(key.kid);
    }
  });

  it('matches the keys the registry signs with', () => {
    expect(keys.map((k) => k.kid).sort()).toEqual(registry.keys.map((k) => k.kid).sort());
    expect(keyOf(astana.kid).provider).toBe('prv_astana');
    expect(keyOf(almaty.kid).provider).toBe('prv_almaty_medeu');
  });

  it('imports every key with jose importJWK', async () => {
    for (const key of keys) {
      const imported = await importJWK(key, 'EdDSA');
      expect(imported).toMatchObject({ type: 'public' });
    }
  });

  it('serves a set that jose createLocalJWKSet resolves by kid', async () => {
    const resolve = createLocalJWKSet({ keys });

    for (const key of keys) {
      const found = await resolve({ alg: 'EdDSA', kid: key.kid });
      expect(found).toMatchObject({ type: 'public' });
    }
  });

  it("carries the first 8 bytes of the signer's kid in the token", () => {
    const kidBytes = Buffer.from(astana.kid, 'base64url');
    expect(signed(astana).kidHint).toBe(kidBytes.subarray(0, 8).toString('hex'));
  });

  it('cross-check: node:crypto (OpenSSL) verifies the token signature with the JWKS key', () => {
    for (const certificate of [astana, almaty]) {
      const token = signed(certificate);
      const key = createPublicKey({ key: keyOf(certificate.kid) as JsonWebKey, format: 'jwk' });

      expect(key.asymmetricKeyType).toBe('ed25519');
      expect(nodeVerify(null, token.signingInput, key, token.signature)).toBe(true);
    }
  });

  it("cross-check: node:crypto refuses the signature with another provider's key", () => {
    const token = signed(astana);
    const other = createPublicKey({ key: keyOf(almaty.kid) as JsonWebKey, format: 'jwk' });

    expect(nodeVerify(null, token.signingInput, other, token.signature)).toBe(false);
  });

  it('cross-check: node:crypto refuses the signature over one changed byte', () => {
    const token = signed(astana);
    const key = createPublicKey({ key: keyOf(astana.kid) as JsonWebKey, format: 'jwk' });
    const changed = Uint8Array.from(token.signingInput);
    changed[changed.length - 1] = (changed.at(-1) ?? 0) ^ 1;

    expect(nodeVerify(null, changed, key, token.signature)).toBe(false);
  });

  it('signs the domain-separated payload: "KZ-CERT-TOKEN", a zero byte, version 1', () => {
    const input = signed(astana).signingInput;

    expect(Buffer.from(input.subarray(0, 14)).toString('latin1')).toBe('KZ-CERT-TOKEN\u0000');
    expect(input[14]).toBe(1);
    expect(input).toHaveLength(14 + 45);
  });
});
