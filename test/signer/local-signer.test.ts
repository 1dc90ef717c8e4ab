import { createPublicKey, verify } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';

import { toBase64Url } from '../../src/crypto/bytes.js';
import { publicJwk } from '../../src/crypto/jwk.js';
import { deriveProviderKey, generateProviderKey } from '../../src/signer/key-material.js';
import { LocalSigner } from '../../src/signer/local-signer.js';
import { SecretSeed } from '../../src/signer/secret-seed.js';
import { hex, readVectorJson } from '../crypto/vectors.js';

interface Rfc8032Vector {
  name: string;
  priv: string;
  pub: string;
  msg: string;
  sig: string;
}

const { vectors } = readVectorJson<{ vectors: Rfc8032Vector[] }>(
  'ed25519/rfc8032_section7.1_ed25519.json',
);

describe('LocalSigner', () => {
  it.each(vectors)('reproduces RFC 8032 §7.1 $name byte for byte', async (vector) => {
    const key = await deriveProviderKey('prv_test', new SecretSeed(hex(vector.priv)));
    expect(key.publicKey).toEqual(hex(vector.pub));

    const signer = await LocalSigner.create([key]);
    const signature = await signer.sign(key.kid, hex(vector.msg));
    expect(Buffer.from(signature).toString('hex')).toBe(vector.sig);
  });

  it('signs what OpenSSL verifies with the published JWK', async () => {
    const key = await generateProviderKey('prv_astana');
    const signer = await LocalSigner.create([key]);
    const message = new TextEncoder().encode('Қорғаншылық туралы анықтама');

    const signature = await signer.sign(key.kid, message);
    const jwk = publicJwk(key.publicKey);
    const openssl = createPublicKey({ key: jwk, format: 'jwk' });

    expect(jwk.kid).toBe(key.kid);
    expect(verify(null, message, openssl, signature)).toBe(true);
    expect(verify(null, Uint8Array.of(...message, 0), openssl, signature)).toBe(false);
  });

  it('knows its kids and refuses others with signer_key_unknown', async () => {
    const astana = await generateProviderKey('prv_astana');
    const almaty = await generateProviderKey('prv_almaty');
    const signer = await LocalSigner.create([astana, almaty]);

    expect(signer.has(astana.kid)).toBe(true);
    expect(signer.has('unknown')).toBe(false);
    expect(signer.publicKeys().map((k) => k.providerId)).toEqual(['prv_astana', 'prv_almaty']);
    await expect(signer.sign('unknown', new Uint8Array(1))).rejects.toMatchObject({
      code: 'signer_key_unknown',
      message: 'no signing key with kid unknown',
    });
  });

  it('refuses a key whose kid does not fit its seed', async () => {
    const key = await generateProviderKey('prv_astana');
    const other = await generateProviderKey('prv_astana');
    const mislabelled = { ...key, kid: other.kid };

    await expect(LocalSigner.create([mislabelled])).rejects.toMatchObject({
      code: 'signer_key_mismatch',
    });
    await expect(LocalSigner.create([key, key])).rejects.toMatchObject({
      code: 'signer_config_invalid',
    });
  });

  it('never shows private material in JSON, strings or inspection', async () => {
    const seedBytes = crypto.getRandomValues(new Uint8Array(32));
    const key = await deriveProviderKey('prv_astana', new SecretSeed(seedBytes));
    const signer = await LocalSigner.create([key]);

    const seen = [
      JSON.stringify(signer),
      inspect(signer, { depth: 10, showHidden: true }),
      String(signer),
      JSON.stringify(key),
      inspect(key, { depth: 10, showHidden: true }),
      `${key.seed}`,
    ].join('\n');

    for (const form of [
      toBase64Url(seedBytes),
      Buffer.from(seedBytes).toString('hex'),
      Buffer.from(seedBytes).toString('base64'),
      [...seedBytes].join(', '),
    ]) {
      expect(seen).not.toContain(form);
    }
    expect(JSON.stringify(signer)).toBe(JSON.stringify({ signer: 'local', kids: [key.kid] }));
  });
});
