/**
 * The log key in demo mode, kept as `<dataDir>/keys/log.key.json` (mode 0600) beside the
 * providers' development keys, so that monitors pinned to it keep working across restarts. The
 * dotted name cannot clash with a provider's `<providerId>.json`: provider ids have no dot.
 */

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { toBase64Url } from '../crypto/bytes.js';
import { generateSeed, type RandomBytes, webCryptoRandom } from '../crypto/ed25519-keys.js';
import type { NoteSigningKey } from '../translog/note-key.js';
import { SignerError } from './errors.js';
import { logKeyFromSeedText } from './log-key.js';

const FILE = 'log.key.json';

/**
 * Reads the demo log key, or generates and writes it on first use.
 *
 * @throws SignerError `signer_key_file_invalid` when the file exists but holds no usable seed;
 *   the message names the file, never its content.
 */
export async function loadOrCreateDevLogKey(
  dataDir: string,
  random: RandomBytes = webCryptoRandom,
): Promise<NoteSigningKey> {
  const directory = join(dataDir, 'keys');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const path = join(directory, FILE);

  const existing = await readSeedText(path);
  if (existing !== null) return fromFile(existing, path);

  const seed = generateSeed(random);
  const content = `${JSON.stringify({ purpose: 'transparency-log', seed: toBase64Url(seed) })}\n`;
  seed.fill(0);
  try {
    // `wx`: when another process wrote the file first, its key wins.
    await writeFile(path, content, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fromFile((await readSeedText(path)) ?? '', path);
}

async function readSeedText(path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }

  try {
    const stored = JSON.parse(text) as { purpose?: unknown; seed?: unknown };
    return stored.purpose === 'transparency-log' && typeof stored.seed === 'string'
      ? stored.seed
      : '';
  } catch {
    return '';
  }
}

async function fromFile(seedText: string, path: string): Promise<NoteSigningKey> {
  try {
    return await logKeyFromSeedText(seedText, path);
  } catch {
    throw new SignerError('signer_key_file_invalid', `${path}: not a transparency log key`);
  }
}
