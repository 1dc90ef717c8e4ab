/**
 * A checkpoint as the log publishes it and a monitor reads it: a checkpoint body inside a signed
 * note. The body is only parsed after the signature verified, as the signed-note spec requires.
 */

import { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
import { TranslogError } from './errors.js';
import { type NoteFailureCode, signNote, verifyNote } from './note.js';
import { type NoteSigningKey, type NoteVerifierKey, parseVerifierKey } from './note-key.js';

export type CheckpointVerdict =
  | { ok: true; checkpoint: Checkpoint }
  | {
      ok: false;
      code: NoteFailureCode | 'checkpoint_malformed' | 'origin_mismatch';
      message: string;
    };

/**
 * The signed checkpoint text. tlog-checkpoint asks that the key name match the origin, so the
 * origin is the name.
 *
 * @throws TranslogError `checkpoint_malformed` or `key_invalid` as formatCheckpoint and signNote.
 */
export async function signCheckpoint(checkpoint: Checkpoint, key: NoteSigningKey): Promise<string> {
  return signNote(formatCheckpoint(checkpoint), checkpoint.origin, key);
}

/**
 * Verifies a signed checkpoint with the log's key and reads it. The origin must be `origin`,
 * by default the key's name, so a checkpoint of another log signed by the same key is refused.
 *
 * @throws TranslogError `key_invalid` when `verifierKey` is a string that is not a verifier key.
 */
export async function openCheckpoint(
  text: string,
  verifierKey: NoteVerifierKey | string,
  origin?: string,
): Promise<CheckpointVerdict> {
  const key = typeof verifierKey === 'string' ? parseVerifierKey(verifierKey) : verifierKey;

  const note = await verifyNote(text, key);
  if (!note.ok) return note;

  let checkpoint: Checkpoint;
  try {
    checkpoint = parseCheckpoint(note.body);
  } catch (error) {
    if (!(error instanceof TranslogError)) throw error;
    return { ok: false, code: 'checkpoint_malformed', message: error.message };
  }

  const expected = origin ?? key.name;
  if (checkpoint.origin !== expected) {
    return { ok: false, code: 'origin_mismatch', message: `origin: expected ${expected}` };
  }
  return { ok: true, checkpoint };
}
