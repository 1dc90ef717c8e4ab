/**
 * The whole path a QR token takes: record -> canonical bytes -> digest -> payload -> signature
 * by the LocalSigner -> text -> parse -> strict verification, and OpenSSL as a second verifier.
 */

import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { canonicalJsonBytes } from '../../src/crypto/canonical-json.js';
import { verifyStrict } from '../../src/crypto/ed25519.js';
import { kidHint, publicJwk } from '../../src/crypto/jwk.js';
import {
  assembleToken,
  encodeTokenPayload,
  newCertificateId,
  parseToken,
  recordDigest,
  sha256Hex,
  tokenSigningInput,
} from '../../src/crypto/token.js';
import type { CertificateRecord } from '../../src/domain/certificate.js';
import { generateProviderKey } from '../../src/signer/key-material.js';
import { LocalSigner } from '../../src/signer/local-signer.js';

async function issue() {
  const key = await generateProviderKey('prv_astana');
  const signer = await LocalSigner.create([key]);
  const id = newCertificateId((n) => crypto.getRandomValues(new Uint8Array(n)));

  const record: CertificateRecord = {
    v: 1,
    id,
    serial: 'AST-2026-000042',
    type: 'guardianship',
    provider: {
      id: 'prv_astana',
      nameKk: 'Астана қаласының әкімдігі',
      nameRu: 'Акимат города Астаны',
    },
    guardian: { iin: '850101300011', lastName: 'Сейткалиева', firstName: 'Айгүл' },
    child: {
      iin: '150505600022',
      lastName: 'Сейткалиев',
      firstName: 'Нұрлан',
      birthDate: '2015-05-05',
    },
    decision: { number: '12-345', date: '2026-07-10' },
    validFrom: '2026-07-15',
    validUntil: '2029-05-05',
    issuedAt: '2026-07-15T09:30:00.000Z',
    kid: key.kid,
  };

  const recordBytes = canonicalJsonBytes(record);
  const payload = encodeTokenPayload({
    kidHint: kidHint(key.kid),
    certificateId: id,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    digest: recordDigest(recordBytes),
  });
  const signature = await signer.sign(key.kid, tokenSigningInput(payload));
  return { key, record, recordBytes, text: assembleToken(payload, signature) };
}

async function verifies(text: string, publicKey: Uint8Array): Promise<boolean> {
  const parsed = parseToken(text);
  if (!parsed.ok) return false;
  return verifyStrict(publicKey, parsed.token.signingInput, parsed.token.signature);
}

describe('signed token', () => {
  it('round-trips and verifies with our verifier and with OpenSSL', async () => {
    const { key, record, recordBytes, text } = await issue();
    const parsed = parseToken(text);
    if (!parsed.ok) throw new Error(parsed.message);

    expect(parsed.token).toMatchObject({
      version: 1,
      kidHint: kidHint(key.kid),
      certificateId: record.id,
      validFrom: '2026-07-15',
      validUntil: '2029-05-05',
      digest: sha256Hex(recordBytes).slice(0, 32),
    });
    expect(await verifies(text, key.publicKey)).toBe(true);

    const openssl = createPublicKey({ key: publicJwk(key.publicKey), format: 'jwk' });
    expect(verify(null, parsed.token.signingInput, openssl, parsed.token.signature)).toBe(true);
  });

  it('fails to parse or to verify when any character is changed', async () => {
    const { key, text } = await issue();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

    for (let i = 0; i < text.length; i++) {
      const current = alphabet.indexOf(text[i] ?? '');
      const replacement = alphabet[(current + 1 + (i % 31)) % 32] ?? 'A';
      const tampered = text.slice(0, i) + replacement + text.slice(i + 1);
      expect(await verifies(tampered, key.publicKey), `position ${i}`).toBe(false);
    }
  });

  it('does not verify under the key of another provider', async () => {
    const { text } = await issue();
    const other = await generateProviderKey('prv_almaty');
    expect(await verifies(text, other.publicKey)).toBe(false);
  });
});
