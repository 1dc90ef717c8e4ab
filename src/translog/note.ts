/**
 * Signed notes as c2sp.org/signed-note defines them: a text ending in a newline, a blank line,
 * then one line per signature, `— <key name> <base64(key ID || signature)>`.
 *
 * Verification follows the spec's rules for keys: signatures by keys we do not know are skipped,
 * whatever they contain (witness cosignatures, a rotated key); a signature by our key must verify,
 * and one by our key must be present. An unparseable note is refused whole, because the parts we
 * skip must still be well-formed for every verifier to read the same note.
 */

import { bytesEqual, concatBytes, utf8ToBytes } from '../crypto/bytes.js';
import { verifyStrict } from '../crypto/ed25519.js';
import { ED25519_SIGNATURE_LENGTH } from '../crypto/ed25519-keys.js';
import { fromBase64, toBase64 } from './base64.js';
import { TranslogError } from './errors.js';
import {
  isKeyName,
  KEY_NAME_RULE,
  type NoteSigningKey,
  type NoteVerifierKey,
  noteKeyId,
  parseVerifierKey,
} from './note-key.js';
import { noteTextProblem } from './note-text.js';

/**
 * The spec asks verifiers to cap the signatures per note and to accept at least 16. A checkpoint
 * carries the log's signature and perhaps a few witnesses', so 100 leaves ample room.
 */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 ';
const KEY_ID_LENGTH = 4;

export type NoteFailureCode =
  // Not a signed note: bad characters, no blank line, a signature line out of form.
  | 'note_malformed'
  // A signature by our key is present and does not verify.
  | 'signature_invalid'
  // No signature by our key is present.
  | 'signature_missing';

export type NoteVerdict =
  | { ok: true; body: string }
  | { ok: false; code: NoteFailureCode; message: string };

/**
 * Signs `body` with `key` under `name` and answers the note: body, blank line, signature line.
 *
 * @throws TranslogError `note_malformed` when the body is empty, does not end in a newline or
 *   holds a control character; `key_invalid` for a name the spec does not allow.
 */
export async function signNote(body: string, name: string, key: NoteSigningKey): Promise<string> {
  const problem = noteTextProblem(body);
  if (problem !== null) throw new TranslogError('note_malformed', `body: ${problem}`);
  if (!isKeyName(name)) throw new TranslogError('key_invalid', `name: ${KEY_NAME_RULE}`);

  const signature = await key.sign(utf8ToBytes(body));
  if (signature.length !== ED25519_SIGNATURE_LENGTH) {
    throw new TranslogError('key_invalid', 'signature: the signing key did not give 64 bytes');
  }

  const blob = toBase64(concatBytes(noteKeyId(name, key.publicKey), signature));
  return `${body}\n${SIGNATURE_PREFIX}${name} ${blob}\n`;
}

/**
 * Opens a signed note with one trusted key. Answers the body only when a signature by that key
 * (same name and key ID) verifies and none by it fails.
 *
 * @throws TranslogError `key_invalid` when `verifierKey` is a string that is not a verifier key.
 */
export async function verifyNote(
  text: string,
  verifierKey: NoteVerifierKey | string,
): Promise<NoteVerdict> {
  const key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : verifierKey;

  const problem = noteTextProblem(text);
  if (problem !== null) return fail('note_malformed', `note: ${problem}`);

  // The body ends at the last blank line; the spec lets the body itself hold blank lines.
  const split = text.lastIndexOf('\n\n');
  if (split < 0) return fail('note_malformed', 'note: no blank line before the signatures');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');

  if (lines.length > MAX_NOTE_SIGNATURES) {
    return fail('note_malformed', `note: more than ${MAX_NOTE_SIGNATURES} signatures`);
  }

  const ours: Uint8Array[] = [];
  for (const [i, line] of lines.entries()) {
    const parsed = parseSignatureLine(line);
    if (parsed === null) return fail('note_malformed', `signature line ${i + 1}: out of form`);

    const byOurKey = parsed.name === key.name && bytesEqual(parsed.keyId, key.keyId);
    if (byOurKey) ours.push(parsed.signature);
  }
  if (ours.length === 0) return fail('signature_missing', `note: no signature by ${key.name}`);

  const message = utf8ToBytes(body);
  for (const signature of ours) {
    if (!(await verifyStrict(key.publicKey, message, signature))) {
      return fail('signature_invalid', `note: the signature by ${key.name} does not verify`);
    }
  }
  return { ok: true, body };
}

/** `— <name> <base64>`, with a name the spec allows and at least one signature byte. */
function parseSignatureLine(
  line: string,
): { name: string; keyId: Uint8Array; signature: Uint8Array } | null {
  if (!line.startsWith(SIGNATURE_PREFIX)) return null;

  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  const blob = space < 0 ? null : fromBase64(rest.slice(space + 1));
  if (!isKeyName(name) || blob === null || blob.length <= KEY_ID_LENGTH) return null;

  return { name, keyId: blob.subarray(0, KEY_ID_LENGTH), signature: blob.subarray(KEY_ID_LENGTH) };
}

function fail(code: NoteFailureCode, message: string): NoteVerdict {
  return { ok: false, code, message };
}
