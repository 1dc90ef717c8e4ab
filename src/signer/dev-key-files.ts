/**
 * Development keys kept as files, for the Node server only (production keys come from the
 * `SIGNING_KEYS` secret). A key is generated on first start and reused afterwards, so QR codes
 * printed during development keep verifying across restarts.
 *
 * Layout: `<dataDir>/keys/<providerId>.json`, directory mode 0700, files mode 0600, holding
 * `{ "providerId", "kid", "seed" }` with the seed in base64url. Keys made by a rotation in demo
 * mode sit beside it as `<providerId>.<kid>.json` (provider ids hold no dot, kids are base64url).
 */

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { fromBase64Url, toBase64Url } from '../crypto/bytes.js';
import { generateSeed, type RandomBytes, webCryptoRandom } from '../crypto/ed25519-keys.js';
import { SignerError } from './errors.js';
import { deriveProviderKey, isProviderId, type ProviderKeyMaterial } from './key-material.js';
import { SecretSeed } from './secret-seed.js';

export interface DevKeyOptions {
  dataDir: string;
  providerIds: readonly string[];
  /** Source of new seeds; WebCrypto's CSPRNG unless a test injects one. */
  random?: RandomBytes;
}

/**
 * Every key of each provider: the first from its file, generated and written when absent, then
 * the keys rotations made, oldest file name first.
 *
 * @throws SignerError `signer_key_file_invalid` when a file exists but does not hold a key for
 *   its provider; the message names the file, never its content.
 */
export async function loadOrCreateDevKeys(options: DevKeyOptions): Promise<ProviderKeyMaterial[]> {
  const directory = join(options.dataDir, 'keys');
  await mkdir(directory, { recursive: true, mode: 0o700 });

  const keys: ProviderKeyMaterial[] = [];
  for (const providerId of options.providerIds) {
    if (!isProviderId(providerId)) {
      throw new SignerError('signer_config_invalid', 'providerId: expected lower-case [a-z0-9_-]');
    }

    const path = join(directory, `${providerId}.json`);
    const existing = await readKeyFile(path, providerId);
    keys.push(existing ?? (await createKeyFile(path, providerId, options.random)));

    for (const name of (await readdir(directory)).sort()) {
      if (!name.startsWith(`${providerId}.`) || name === `${providerId}.json`) continue;
      const rotated = await readKeyFile(join(directory, name), providerId);
      if (rotated) keys.push(rotated);
    }
  }
  return keys;
}

/**
 * A new key for a provider, written as `<providerId>.<kid>.json` before anyone may use it, so a
 * key that signs a certificate is a key the next start loads again.
 */
export async function createRotatedKeyFile(
  dataDir: string,
  providerId: string,
  random: RandomBytes = webCryptoRandom,
): Promise<ProviderKeyMaterial> {
  if (!isProviderId(providerId)) {
    throw new SignerError('signer_config_invalid', 'providerId: expected lower-case [a-z0-9_-]');
  }
  const directory = join(dataDir, 'keys');
  await mkdir(directory, { recursive: true, mode: 0o700 });

  const bytes = generateSeed(random);
  const key = await deriveProviderKey(providerId, new SecretSeed(bytes));
  const content = JSON.stringify({ providerId, kid: key.kid, seed: toBase64Url(bytes) }, null, 2);
  bytes.fill(0);
  await writeFile(join(directory, `${providerId}.${key.kid}.json`), `${content}\n`, {
    mode: 0o600,
    flag: 'wx',
  });
  return key;
}

async function createKeyFile(
  path: string,
  providerId: string,
  random: RandomBytes = webCryptoRandom,
): Promise<ProviderKeyMaterial> {
  const bytes = generateSeed(random);
  const key = await deriveProviderKey(providerId, new SecretSeed(bytes));
  const content = JSON.stringify({ providerId, kid: key.kid, seed: toBase64Url(bytes) }, null, 2);
  bytes.fill(0);

  try {
    // `wx`: if another process created the file meanwhile, keep its key rather than ours.
    await writeFile(path, `${content}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    const raced = (error as NodeJS.ErrnoException).code === 'EEXIST';
    const existing = raced ? await readKeyFile(path, providerId) : null;
    if (existing === null) throw error;
    return existing;
  }
}

async function readKeyFile(path: string, providerId: string): Promise<ProviderKeyMaterial | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }

  const invalid = new SignerError('signer_key_file_invalid', `${path}: not a key of ${providerId}`);
  let stored: { providerId?: unknown; kid?: unknown; seed?: unknown };
  let seedBytes: Uint8Array;
  try {
    stored = JSON.parse(text);
    seedBytes = fromBase64Url(String(stored.seed), 'seed');
  } catch {
    throw invalid;
  }
  if (stored.providerId !== providerId || seedBytes.length !== 32) throw invalid;

  const key = await deriveProviderKey(providerId, new SecretSeed(seedBytes));
  seedBytes.fill(0);
  if (stored.kid !== key.kid) throw invalid;
  return key;
}
