/**
 * Provider signing keys: generating them, deriving their public halves and kids, and reading
 * them from the `SIGNING_KEYS` configuration secret. Error messages name the entry and the field,
 * never the secret's text or a seed.
 */

import { fromBase64Url, toBase64Url } from '../crypto/bytes.js';
import {
  ED25519_KEY_LENGTH,
  generateSeed,
  publicKeyFromSeed,
  type RandomBytes,
  webCryptoRandom,
} from '../crypto/ed25519-keys.js';
import { jwkThumbprint } from '../crypto/jwk.js';
import { SignerError } from './errors.js';
import { SecretSeed } from './secret-seed.js';

/** A provider key as the signer loads it: the seed stays wrapped in {@link SecretSeed}. */
export interface ProviderKeyMaterial {
  providerId: string;
  /** RFC 7638 thumbprint of the public key. */
  kid: string;
  publicKey: Uint8Array;
  seed: SecretSeed;
}

/**
 * Provider ids as the registry writes them (`prv_astana`): lower-case, digits, `_` and `-`.
 * The narrow alphabet also makes an id safe as a file name for development keys.
 */
const PROVIDER_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const SECRET_MEMBERS = new Set(['providerId', 'seed', 'kid']);

/** True when `value` can name a provider, see {@link PROVIDER_ID}. */
export function isProviderId(value: unknown): value is string {
  return typeof value === 'string' && PROVIDER_ID.test(value);
}

/** Public key and kid of a seed, bundled for the signer. */
export async function deriveProviderKey(
  providerId: string,
  seed: SecretSeed,
): Promise<ProviderKeyMaterial> {
  if (!isProviderId(providerId)) {
    throw new SignerError('signer_config_invalid', 'providerId: expected lower-case [a-z0-9_-]');
  }

  const bytes = seed.reveal();
  try {
    const publicKey = await publicKeyFromSeed(bytes);
    return { providerId, kid: jwkThumbprint(publicKey), publicKey, seed };
  } finally {
    bytes.fill(0);
  }
}

/** A new key pair for a provider from `random` (WebCrypto's CSPRNG unless injected). */
export async function generateProviderKey(
  providerId: string,
  random: RandomBytes = webCryptoRandom,
): Promise<ProviderKeyMaterial> {
  const bytes = generateSeed(random);
  const seed = new SecretSeed(bytes);
  bytes.fill(0);
  return deriveProviderKey(providerId, seed);
}

/**
 * Reads the `SIGNING_KEYS` secret: a JSON array of `{ "providerId", "seed" }` with the seed as
 * 43 base64url characters (32 bytes), and optionally the expected `"kid"`, which is then checked
 * against the seed so a pasted wrong seed fails at start rather than at the first signature.
 *
 * @throws SignerError `signer_config_invalid` naming the entry and field.
 */
export async function parseSigningKeysSecret(
  secret: string,
  source = 'SIGNING_KEYS',
): Promise<ProviderKeyMaterial[]> {
  const entries = parseJsonArray(secret, source);
  const keys: ProviderKeyMaterial[] = [];
  const kids = new Set<string>();

  for (const [index, entry] of entries.entries()) {
    const where = `${source}[${index}]`;
    const key = await readEntry(entry, where);

    if (kids.has(key.kid)) throw configError(`${where}: the same key is listed twice`);
    kids.add(key.kid);
    keys.push(key);
  }
  return keys;
}

/** The `SIGNING_KEYS` text for keys, e.g. for an operator provisioning a new deployment. */
export function formatSigningKeysSecret(keys: readonly ProviderKeyMaterial[]): string {
  const entries = keys.map((key) => {
    const bytes = key.seed.reveal();
    const seed = toBase64Url(bytes);
    bytes.fill(0);
    return { providerId: key.providerId, kid: key.kid, seed };
  });
  return JSON.stringify(entries);
}

function parseJsonArray(secret: string, source: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(secret);
  } catch {
    // The engine's message quotes the input; ours must not.
    throw configError(`${source}: not valid JSON`);
  }

  if (!Array.isArray(value) || value.length === 0) {
    throw configError(`${source}: expected a non-empty JSON array of { providerId, seed }`);
  }
  return value;
}

async function readEntry(entry: unknown, where: string): Promise<ProviderKeyMaterial> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw configError(`${where}: expected an object { providerId, seed }`);
  }

  const record = entry as Record<string, unknown>;
  const unknownMember = Object.keys(record).find((name) => !SECRET_MEMBERS.has(name));
  if (unknownMember !== undefined) {
    throw configError(`${where}: unexpected member (allowed: providerId, seed, kid)`);
  }
  if (!isProviderId(record.providerId)) {
    throw configError(`${where}.providerId: expected lower-case letters, digits, "_" or "-"`);
  }

  const seed = readSeed(record.seed, `${where}.seed`);
  const key = await deriveProviderKey(record.providerId, seed);

  if (record.kid !== undefined && record.kid !== key.kid) {
    throw configError(`${where}.kid: does not match the key derived from the seed`);
  }
  return key;
}

function readSeed(value: unknown, where: string): SecretSeed {
  const expected = `${where}: expected ${ED25519_KEY_LENGTH} bytes as 43 base64url characters`;
  if (typeof value !== 'string') throw configError(expected);

  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(value, 'seed');
  } catch {
    throw configError(expected);
  }
  if (bytes.length !== ED25519_KEY_LENGTH) throw configError(expected);

  const seed = new SecretSeed(bytes);
  bytes.fill(0);
  return seed;
}

function configError(message: string): SignerError {
  return new SignerError('signer_config_invalid', message);
}
