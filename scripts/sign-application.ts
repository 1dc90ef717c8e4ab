/**
 * Signs an application document with a demo EDS key file, for the README's curl flow. It reads
 * the answer of `POST /api/v1/applications/prepare` on stdin and prints the body for
 * `POST /api/v1/applications`:
 *
 *   curl … /api/v1/applications/prepare … | npx tsx scripts/sign-application.ts <key-file>
 *
 * The signature is Ed25519 over the UTF-8 bytes of `document`, in unpadded base64url.
 */

import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { fromBase64Url, toBase64Url } from '../src/crypto/bytes.js';
import { importSigningKey, signWithKey } from '../src/crypto/ed25519-keys.js';
import type { DemoEdsKeyFile } from '../src/node/demo-eds-files.js';

const [keyPath] = process.argv.slice(2);
if (!keyPath) {
  console.error('usage: … | npx tsx scripts/sign-application.ts <key-file>');
  process.exit(2);
}

const prepared = JSON.parse(await text(process.stdin)) as {
  applicationId: string;
  submittedAt: string;
  document: string;
};
const { type, childIin } = JSON.parse(prepared.document) as { type: string; childIin: string };

const key = JSON.parse(await readFile(keyPath, 'utf8')) as DemoEdsKeyFile;
const seed = fromBase64Url(key.seed, 'seed');
const signingKey = await importSigningKey(seed);
seed.fill(0);

const signature = toBase64Url(
  await signWithKey(signingKey, new TextEncoder().encode(prepared.document)),
);
console.log(
  JSON.stringify({
    type,
    childIin,
    applicationId: prepared.applicationId,
    submittedAt: prepared.submittedAt,
    signature,
  }),
);
