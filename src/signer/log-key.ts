/**
 * The transparency log's own Ed25519 key. It signs checkpoints and nothing else, and is kept
 * apart from the providers' keys: a provider key signs certificates in an akimat's name, while
 * this one vouches for the whole registry's history. Production reads it from the
 * `LOG_SIGNING_KEY` secret, a 32-byte seed as 43 base64url characters.
 */

import { fromBase64Url } from '../crypto/bytes.js';
import { ED25519_KEY_LENGTH } from '../crypto/ed25519-keys.js';
import { localNoteSigningKey, type NoteSigningKey } from '../translog/note-key.js';
import { SignerError } from './errors.js';

/**
 * The log key from its seed text. The seed is imported as a non-extractable WebCrypto key and
 * the decoded bytes are cleared.
 *
 * @throws SignerError `signer_config_invalid` naming `source`, never quoting the secret.
 */
export async function logKeyFromSeedText(
  text: string,
  source = 'LOG_SIGNING_KEY',
): Promise<NoteSigningKey> {
  let seed: Uint8Array;
  try {
    seed = fromBase64Url(text.trim(), 'seed');
  } catch {
    seed = new Uint8Array(0);
  }
  if (seed.length !== ED25519_KEY_LENGTH) {
    throw new SignerError(
      'signer_config_invalid',
      `${source}: expected ${ED25519_KEY_LENGTH} bytes as 43 base64url characters`,
    );
  }

  try {
    return await localNoteSigningKey(seed);
  } finally {
    seed.fill(0);
  }
}
