import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates } from '../../db/schema.js';
import { kidHint } from '../../src/crypto/jwk.js';
import {
  assembleToken,
  encodeTokenPayload,
  newCertificateId,
  parseToken,
  type TokenFields,
  tokenSigningInput,
} from '../../src/crypto/token.js';
import { secureRandom } from '../../src/runtime/random.js';
import { generateProviderKey, type ProviderKeyMaterial } from '../../src/signer/key-material.js';
import { LocalSigner } from '../../src/signer/local-signer.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';
import { type CertificateJson, issue, tokenOf, verify } from './client.js';

/** A token for `fields`, signed correctly by `key`: what a holder of that key could print. */
async function signToken(key: ProviderKeyMaterial, fields: Omit<TokenFields, 'kidHint'>) {
  const signer = await LocalSigner.create([key]);
  const payload = encodeTokenPayload({ ...fields, kidHint: kidHint(key.kid) });
  return assembleToken(payload, await signer.sign(key.kid, tokenSigningInput(payload)));
}

/** The fields an issued token states, read back with our parser. */
function fieldsOf(certificate: CertificateJson): Omit<TokenFields, 'kidHint'> {
  const parsed = parseToken(tokenOf(certificate.verifyUrl));
  if (!parsed.ok) throw new Error(parsed.message);
  const { certificateId, validFrom, validUntil, digest } = parsed.token;
  return { certificateId, validFrom, validUntil, digest: Buffer.from(digest, 'hex') };
}

describe.each(databaseTargets)('integrity of the registry on $name', (target) => {
  let registry: TestRegistry;
  let astanaKey: ProviderKeyMaterial;
  let almatyKey: ProviderKeyMaterial;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    const byProvider = (id: string) => {
      const key = registry.keys.find((k) => k.providerId === id);
      if (!key) throw new Error(`no key for ${id}`);
      return key;
    };
    astanaKey = byProvider('prv_astana');
    almatyKey = byProvider('prv_almaty_medeu');
  });
  afterAll(async () => {
    await registry?.close();
  });

  const recordMismatch = {
    verdict: 'invalid',
    cause: 'record_mismatch',
    message: 'The registry record does not match the signed code',
  };

  describe('a record changed in the database behind the registry', () => {
    it('answers invalid (record_mismatch) when a name in the record is edited', async () => {
      const certificate = await issue(registry);
      await registry.store.db
        .update(certificates)
        .set({ record: sql`replace(${certificates.record}, 'Нұрланұлы', 'Нурланов')` })
        .where(eq(certificates.id, certificate.id));

      const result = await verify(registry, tokenOf(certificate.verifyUrl));

      expect(result).toMatchObject(recordMismatch);
      expect(result).not.toHaveProperty('certificate');
    });

    it('answers invalid (record_mismatch) when validUntil is extended in its column', async () => {
      const certificate = await issue(registry, {
        ...guardianshipRequest(),
        validUntil: '2027-01-31',
      });
      await registry.store.db
        .update(certificates)
        .set({ validUntil: '2032-03-08' })
        .where(eq(certificates.id, certificate.id));

      expect(await verify(registry, tokenOf(certificate.verifyUrl))).toMatchObject(recordMismatch);
    });

    // Verification parsed the record for its summary before comparing digests, so a record that
    // was not JSON any more answered 500 instead of a verdict.
    it('regression: answers invalid (record_mismatch), not 500, when the record is no longer JSON', async () => {
      const certificate = await issue(registry);
      await registry.store.db
        .update(certificates)
        .set({ record: '{"truncated":' })
        .where(eq(certificates.id, certificate.id));

      expect(await verify(registry, tokenOf(certificate.verifyUrl))).toMatchObject(recordMismatch);
    });

    it('shows the mismatch on the page', async () => {
      const certificate = await issue(registry);
      await registry.store.db
        .update(certificates)
        .set({ record: sql`replace(${certificates.record}, '1-15/2345', '1-15/9999')` })
        .where(eq(certificates.id, certificate.id));

      const html = await (await registry.request(`/v/${tokenOf(certificate.verifyUrl)}`)).text();

      expect(html).toContain('verdict-invalid');
      expect(html).toContain('Запись реестра не совпадает с подписанным кодом.');
    });
  });

  it('answers not_found for a correctly signed token of an id never recorded', async () => {
    const token = await signToken(astanaKey, {
      certificateId: newCertificateId(secureRandom),
      validFrom: '2026-12-03',
      validUntil: '2030-01-01',
      digest: new Uint8Array(16),
    });

    expect(await verify(registry, token)).toEqual({
      verdict: 'not_found',
      message: 'The registry holds no certificate with this id',
      checkedAt: '2026-12-03T07:00:00.000Z',
    });
    const html = await (await registry.request(`/v/${token}`)).text();
    expect(html).toContain('verdict-not_found');
    expect(html).toContain('Такой справки нет в реестре');
  });

  it('answers invalid (unknown_key) for a token signed by a key never published', async () => {
    const stranger = await generateProviderKey('prv_astana');
    const token = await signToken(stranger, {
      certificateId: newCertificateId(secureRandom),
      validFrom: '2026-12-03',
      validUntil: '2030-01-01',
      digest: new Uint8Array(16),
    });

    expect(await verify(registry, token)).toMatchObject({
      verdict: 'invalid',
      cause: 'unknown_key',
      message: 'The certificate names a signing key we never published',
    });
  });

  it('answers invalid (unknown_key) for a real certificate re-signed by an unpublished key', async () => {
    const certificate = await issue(registry);
    const token = await signToken(await generateProviderKey('prv_astana'), fieldsOf(certificate));

    expect((await verify(registry, token)).cause).toBe('unknown_key');
  });

  it("answers invalid (record_mismatch) when one provider's key vouches for another's certificate", async () => {
    const certificate = await issue(registry);
    const token = await signToken(almatyKey, fieldsOf(certificate));

    expect(await verify(registry, token)).toMatchObject(recordMismatch);
  });

  it('answers invalid (record_mismatch) for a token that lies about the dates, even signed by the right key', async () => {
    const certificate = await issue(registry, {
      ...guardianshipRequest(),
      validUntil: '2027-01-31',
    });
    const token = await signToken(astanaKey, {
      ...fieldsOf(certificate),
      validUntil: '2032-03-08',
    });

    expect(await verify(registry, token)).toMatchObject(recordMismatch);
  });

  it('still verifies a token re-signed by its own key over the same fields', async () => {
    const certificate = await issue(registry);
    const token = await signToken(astanaKey, fieldsOf(certificate));

    expect((await verify(registry, token)).verdict).toBe('valid');
  });
});
