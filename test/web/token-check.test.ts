/**
 * The in-page verifier (src/browser/token-check.ts), run in Node: the same Ed25519 vectors as the
 * server's verifyStrict with the same verdicts, and real tokens against the real JWKS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkTokenSignature,
  type PublishedKey,
  readVerifyLink,
  verifyInPage,
} from '../../src/browser/token-check.js';
import { verifyStrict } from '../../src/crypto/ed25519.js';
import { hex, readVectorJson } from '../crypto/vectors.js';
import { issue, tokenOf } from '../e2e/client.js';
import { PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';

interface Case {
  pk: string;
  msg: string;
  sig: string;
}

const wycheproof = readVectorJson<{
  testGroups: { publicKey: { pk: string }; tests: { msg: string; sig: string }[] }[];
}>('ed25519/wycheproof_ed25519_test.json').testGroups.flatMap((g) =>
  g.tests.map((t) => ({ pk: g.publicKey.pk, msg: t.msg, sig: t.sig })),
);
const rfc = readVectorJson<{ vectors: { pub: string; msg: string; sig: string }[] }>(
  'ed25519/rfc8032_section7.1_ed25519.json',
).vectors.map((v) => ({ pk: v.pub, msg: v.msg, sig: v.sig }));
const zcash = Buffer.from('Zcash').toString('hex');
const zip215 = readVectorJson<{ vk_bytes: string; sig_bytes: string }[]>(
  'ed25519/zip215_ed25519.json',
).map((c) => ({ pk: c.vk_bytes, msg: zcash, sig: c.sig_bytes }));
const speccheck = readVectorJson<{ message: string; pub_key: string; signature: string }[]>(
  'ed25519/ed25519_speccheck_edge_cases.json',
).map((c) => ({ pk: c.pub_key, msg: c.message, sig: c.signature }));

describe('the in-page verifier on the shared vectors', () => {
  it.each([
    ['Wycheproof', wycheproof],
    ['RFC 8032 §7.1', rfc],
    ['ZIP-215', zip215],
    ['speccheck', speccheck],
  ] as [string, Case[]][])('gives the server’s verdict on every %s case', async (_name, cases) => {
    expect(cases.length).toBeGreaterThan(0);
    let accepted = 0;
    for (const [index, c] of cases.entries()) {
      const inPage = await verifyInPage(hex(c.pk), hex(c.msg), hex(c.sig));
      const server = await verifyStrict(hex(c.pk), hex(c.msg), hex(c.sig));
      expect(inPage, `case ${index}`).toBe(server);
      if (inPage) accepted++;
    }
    // Not a verifier that refuses everything: RFC 8032's own signatures all verify.
    if (cases === rfc) expect(accepted).toBe(rfc.length);
  });
});

describe.each(databaseTargets.slice(0, 1))(
  'tokens against the published keys ($name)',
  (target) => {
    let registry: TestRegistry;
    let keys: PublishedKey[];
    let token: string;

    beforeAll(async () => {
      registry = await startTestRegistry(target);
      token = tokenOf((await issue(registry)).verifyUrl);
      keys = (
        (await (await registry.request('/.well-known/jwks.json')).json()) as {
          keys: PublishedKey[];
        }
      ).keys;
    });
    afterAll(async () => {
      await registry?.close();
    });

    it('finds an issued token authentic, naming its key and provider', async () => {
      const check = await checkTokenSignature(token, keys);
      expect(check).toMatchObject({ outcome: 'authentic', provider: 'prv_astana' });
      expect(keys.map((k) => k.kid)).toContain(check.outcome === 'authentic' && check.kid);
    });

    it('finds every single-character change of the signature forged', async () => {
      for (const at of [(45 * 8) / 5 + 1, 120, 150, 173]) {
        const i = Math.floor(at);
        const changed = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
        const check = await checkTokenSignature(changed, keys);
        expect(check.outcome, `character ${i}`).toMatch(/^(signature|format)$/);
      }
    });

    it('names a key it has never seen, and ignores a key whose kid is not its thumbprint', async () => {
      expect((await checkTokenSignature(token, [])).outcome).toBe('unknown_key');

      const astana = keys.find((k) => k.provider === 'prv_astana') as PublishedKey;
      const other = keys.find((k) => k.provider !== 'prv_astana') as PublishedKey;
      // The attacker's JWKS: another key published under the signing key's kid.
      const forgedJwks = [{ ...other, kid: astana.kid }];
      expect((await checkTokenSignature(token, forgedJwks)).outcome).toBe('unknown_key');
    });

    it('calls what is not a token a format problem', async () => {
      expect(await checkTokenSignature('HELLO', keys)).toMatchObject({ outcome: 'format' });
    });
  },
);

describe('reading a scanned or pasted text', () => {
  const domain = new URL(PUBLIC_URL).host;
  const token = 'A'.repeat(175);

  it.each([
    [`${PUBLIC_URL}/V/${token}`, { kind: 'token', token }],
    [`${PUBLIC_URL.toUpperCase()}/V/${token}`, { kind: 'token', token }],
    [`${PUBLIC_URL}/v/${token.toLowerCase()}`, { kind: 'token', token }],
    [` ${token} `, { kind: 'token', token }],
    [
      `https://verify.example.kz.evil.test/V/${token}`,
      { kind: 'foreign', host: 'verify.example.kz.evil.test' },
    ],
    [`https://evil.test/?u=${PUBLIC_URL}/V/${token}`, { kind: 'foreign', host: 'evil.test' }],
    ['AST-2026-000003', { kind: 'not_a_link' }],
    [`${PUBLIC_URL}/service`, { kind: 'not_a_link' }],
    [`javascript:alert(1)`, { kind: 'not_a_link' }],
  ])('%s', (text, expected) => {
    expect(readVerifyLink(text, domain)).toEqual(expected);
  });
});
