import { beforeAll, describe, expect, it } from 'vitest';

import { formatCheckpoint } from '../../src/translog/checkpoint.js';
import { signNote } from '../../src/translog/note.js';
import {
  localNoteSigningKey,
  type NoteSigningKey,
  parseVerifierKey,
  verifierKeyString,
} from '../../src/translog/note-key.js';
import { openCheckpoint, signCheckpoint } from '../../src/translog/signed-checkpoint.js';

const ORIGIN = 'registry.example/log';
const CHECKPOINT = { origin: ORIGIN, size: 1234, rootHash: new Uint8Array(32).fill(0xab) };

describe('signed checkpoints', () => {
  let key: NoteSigningKey;
  let verifier: string;

  beforeAll(async () => {
    key = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    verifier = verifierKeyString(ORIGIN, key.publicKey);
  });

  it('opens what it signed', async () => {
    const text = await signCheckpoint(CHECKPOINT, key);

    expect(text.startsWith(`${formatCheckpoint(CHECKPOINT)}\n— ${ORIGIN} `)).toBe(true);
    expect(await openCheckpoint(text, verifier)).toEqual({
      ok: true,
      checkpoint: { ...CHECKPOINT, extensions: [] },
    });
    expect((await openCheckpoint(text, parseVerifierKey(verifier))).ok).toBe(true);
  });

  it('refuses a changed tree size', async () => {
    const text = (await signCheckpoint(CHECKPOINT, key)).replace('\n1234\n', '\n1235\n');
    expect(await openCheckpoint(text, verifier)).toMatchObject({ code: 'signature_invalid' });
  });

  it('refuses a checkpoint signed by another key', async () => {
    const other = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    const text = await signCheckpoint(CHECKPOINT, other);
    expect(await openCheckpoint(text, verifier)).toMatchObject({ code: 'signature_missing' });
  });

  it('refuses a checkpoint of another origin signed by our key', async () => {
    const body = formatCheckpoint({ ...CHECKPOINT, origin: 'other.example/log' });
    const text = await signNote(body, ORIGIN, key);

    expect(await openCheckpoint(text, verifier)).toMatchObject({ code: 'origin_mismatch' });
    expect((await openCheckpoint(text, verifier, 'other.example/log')).ok).toBe(true);
  });

  it('refuses a validly signed note that is not a checkpoint', async () => {
    const text = await signNote(`${ORIGIN}\n0012\nnot base64\n`, ORIGIN, key);
    const verdict = await openCheckpoint(text, verifier);

    expect(verdict).toMatchObject({ ok: false, code: 'checkpoint_malformed' });
    expect(verdict.ok || verdict.message).toContain('line 2');
  });
});
