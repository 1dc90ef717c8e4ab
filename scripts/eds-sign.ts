/**
 * Signs an EDS sign-in challenge with a demo key file, for the README's curl flow:
 *
 *   npx tsx scripts/eds-sign.ts data/demo-eds/<persona>.json <nonce>          # the signature
 *   npx tsx scripts/eds-sign.ts data/demo-eds/<persona>.json <nonce> --body   # the whole body
 *
 * The signature is Ed25519 over the message of src/auth/eds-message.ts, in unpadded base64url;
 * `--body` prints `{ "iin", "nonce", "signature" }` ready for `POST /api/v1/auth/eds`.
 */

import { readFile } from 'node:fs/promises';
import { edsSignInMessage } from '../src/auth/eds-message.js';
import { fromBase64Url, toBase64Url } from '../src/crypto/bytes.js';
import { importSigningKey, signWithKey } from '../src/crypto/ed25519-keys.js';
import type { DemoEdsKeyFile } from '../src/node/demo-eds-files.js';

const [keyPath, nonce, flag] = process.argv.slice(2);
if (!keyPath || !nonce || (flag !== undefined && flag !== '--body')) {
  console.error('usage: npx tsx scripts/eds-sign.ts <key-file> <nonce> [--body]');
  process.exit(2);
}

const key = JSON.parse(await readFile(keyPath, 'utf8')) as DemoEdsKeyFile;
const seed = fromBase64Url(key.seed, 'seed');
const signingKey = await importSigningKey(seed);
seed.fill(0);

const signature = toBase64Url(await signWithKey(signingKey, edsSignInMessage(nonce, key.iin)));
console.log(flag === '--body' ? JSON.stringify({ iin: key.iin, nonce, signature }) : signature);
