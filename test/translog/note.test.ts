import { createHash } from 'node:crypto';

import { beforeAll, describe, expect, it } from 'vitest';

import { TranslogError } from '../../src/translog/errors.js';
import { signNote, verifyNote } from '../../src/translog/note.js';
import {
  localNoteSigningKey,
  type NoteSigningKey,
  noteKeyId,
  parseVerifierKey,
  verifierKeyString,
} from '../../src/translog/note-key.js';

/**
 * The example of golang.org/x/mod/sumdb/note (its package documentation and note_test.go): a key
 * pair, a text and the exact signed note. Ed25519 is deterministic, so signing the text with the
 * seed must give the published note byte for byte.
 */
const GO_EXAMPLE = {
  signerKey: 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz',
  verifierKey: 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  text:
    'If you think cryptography is the answer to your problem,\n' +
    "then you don't know what your problem is.\n",
  signature:
    '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1' +
    'FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n',
};

const NAME = 'registry.example/log';
const BODY = `${NAME}\n42\n${Buffer.alloc(32, 1).toString('base64')}\n`;

function randomSeed(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The key ID as the signed-note spec defines it, computed here with node:crypto. */
function independentKeyId(name: string, publicKey: Uint8Array): string {
  const hash = createHash('sha256').update(name).update(Uint8Array.of(0x0a, 0x01));
  return hash.update(publicKey).digest().subarray(0, 4).toString('hex');
}

describe('the published sumdb/note example', () => {
  const seed = Uint8Array.from(
    Buffer.from(GO_EXAMPLE.signerKey.split('+').slice(4).join('+'), 'base64'),
  );

  it('derives the published verifier key from the seed', async () => {
    const key = await localNoteSigningKey(seed.subarray(1));
    expect(verifierKeyString('PeterNeumann', key.publicKey)).toBe(GO_EXAMPLE.verifierKey);
  });

  it('signs the text into the published note, byte for byte', async () => {
    const key = await localNoteSigningKey(seed.subarray(1));
    const note = await signNote(GO_EXAMPLE.text, 'PeterNeumann', key);
    expect(note).toBe(`${GO_EXAMPLE.text}\n${GO_EXAMPLE.signature}`);
  });

  it('verifies the published note', async () => {
    const note = `${GO_EXAMPLE.text}\n${GO_EXAMPLE.signature}`;
    expect(await verifyNote(note, GO_EXAMPLE.verifierKey)).toEqual({
      ok: true,
      body: GO_EXAMPLE.text,
    });
  });
});

describe('note keys', () => {
  it('computes the key ID as SHA-256(name || 0x0A || 0x01 || key)[:4]', async () => {
    const key = await localNoteSigningKey(randomSeed());
    const expected = independentKeyId(NAME, key.publicKey);

    expect(Buffer.from(noteKeyId(NAME, key.publicKey)).toString('hex')).toBe(expected);
    const text = verifierKeyString(NAME, key.publicKey);
    const typedKey = Buffer.concat([Buffer.of(1), key.publicKey]).toString('base64');
    expect(text).toBe(`${NAME}+${expected}+${typedKey}`);
    expect(parseVerifierKey(text)).toEqual({
      name: NAME,
      keyId: noteKeyId(NAME, key.publicKey),
      publicKey: key.publicKey,
    });
  });

  const [name, id, typedKey] = [
    'PeterNeumann',
    'c74f20a3',
    'ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
  ];
  const retype = (base64: string, type: number) => {
    const bytes = Buffer.from(base64, 'base64');
    bytes[0] = type;
    return bytes.toString('base64');
  };
  const identity = Buffer.concat([Buffer.of(1), Buffer.of(1), Buffer.alloc(31)]);
  const identityId = independentKeyId('x', identity.subarray(1));

  it.each([
    ['no separators', 'PeterNeumann'],
    ['no key', `${name}+${id}`],
    ['an empty name', `+${id}+${typedKey}`],
    ['a name with a space', `Peter Neumann+${id}+${typedKey}`],
    ['an upper-case key ID', `${name}+${id.toUpperCase()}+${typedKey}`],
    ['a short key ID', `${name}+c74f20a+${typedKey}`],
    ['a key ID of another key', `${name}+c74f20a4+${typedKey}`],
    ['another name for the key', `PeterNeumann2+${id}+${typedKey}`],
    ['the ECDSA type byte', `${name}+${id}+${retype(typedKey, 0x02)}`],
    ['unpadded base64', `${name}+${id}+${typedKey.slice(0, -1)}`],
    ['a 32-byte key without type', `${name}+${id}+${Buffer.alloc(32, 9).toString('base64')}`],
    ['a small-order key', `x+${identityId}+${identity.toString('base64')}`],
  ])('refuses a verifier key with %s', (_case, text) => {
    const attempt = () => parseVerifierKey(text);

    expect(attempt).toThrow(TranslogError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'key_invalid' }));
  });
});

describe('signed notes', () => {
  let ours: NoteSigningKey;
  let other: NoteSigningKey;
  let verifier: string;
  let note: string;

  beforeAll(async () => {
    ours = await localNoteSigningKey(randomSeed());
    other = await localNoteSigningKey(randomSeed());
    verifier = verifierKeyString(NAME, ours.publicKey);
    note = await signNote(BODY, NAME, ours);
  });

  it('round-trips a body', async () => {
    expect(note.startsWith(`${BODY}\n— ${NAME} `)).toBe(true);
    expect(await verifyNote(note, verifier)).toEqual({ ok: true, body: BODY });
  });

  it('keeps blank lines inside the body: the last blank line ends it', async () => {
    const body = 'first\n\nsecond\n';
    const signed = await signNote(body, NAME, ours);
    expect(await verifyNote(signed, verifier)).toEqual({ ok: true, body });
  });

  it('fails when any single character of the note changes', async () => {
    for (let i = 0; i < note.length; i++) {
      const replacement = note[i] === 'A' ? 'B' : 'A';
      const changed = note.slice(0, i) + replacement + note.slice(i + 1);
      const verdict = await verifyNote(changed, verifier);
      expect(verdict.ok, `character ${i}`).toBe(false);
    }
  });

  it('answers signature_invalid when the body changed under our signature', async () => {
    const changed = note.replace('\n42\n', '\n43\n');
    expect(await verifyNote(changed, verifier)).toMatchObject({
      ok: false,
      code: 'signature_invalid',
    });
  });

  it('answers signature_missing for a signature by another key, under any name', async () => {
    const byOtherName = await signNote(BODY, 'witness.example', other);
    const byOtherKey = await signNote(BODY, NAME, other);

    for (const text of [byOtherName, byOtherKey]) {
      expect(await verifyNote(text, verifier)).toMatchObject({ code: 'signature_missing' });
    }
  });

  it('answers signature_invalid for another key signing under our name and key ID', async () => {
    const forged = await signNote(BODY, NAME, { ...other, publicKey: ours.publicKey });
    expect(await verifyNote(forged, verifier)).toMatchObject({ code: 'signature_invalid' });
  });

  it('skips signatures by unknown keys, before or after ours', async () => {
    const witness = (await signNote(BODY, 'witness.example', other)).slice(BODY.length + 1);
    const ourLine = note.slice(BODY.length + 1);

    for (const lines of [ourLine + witness, witness + ourLine]) {
      expect(await verifyNote(`${BODY}\n${lines}`, verifier)).toEqual({ ok: true, body: BODY });
    }
  });

  it('refuses the whole note when our signature fails, whatever else verifies', async () => {
    const bad = await signNote(BODY, NAME, { ...other, publicKey: ours.publicKey });
    const text = note + bad.slice(BODY.length + 1);
    expect(await verifyNote(text, verifier)).toMatchObject({ code: 'signature_invalid' });
  });

  it.each([
    ['no blank line', (n: string) => n.replace(`${BODY}\n`, BODY)],
    ['no final newline', (n: string) => n.slice(0, -1)],
    ['a hyphen for the em dash', (n: string) => n.replace('—', '-')],
    ['two spaces after the dash', (n: string) => n.replace('— ', '—  ')],
    ['a missing signature', (n: string) => n.replace(/ [^ ]+\n$/, ' \n')],
    ['unpadded base64', (n: string) => n.replace(/=\n$/, '\n')],
    ['a key ID only', (n: string) => n.replace(/ [^ ]+\n$/, ' AAAAAA==\n')],
    ['a trailing line of text', (n: string) => `${n}postscript\n`],
    ['CRLF line ends', (n: string) => n.replaceAll('\n', '\r\n')],
    ['a control character', (n: string) => n.replace('42', '4\u00072')],
    ['a lone surrogate', (n: string) => n.replace('42', '4\ud8002')],
    ['101 signatures', (n: string) => n + n.slice(BODY.length + 1).repeat(100)],
  ])('answers note_malformed for %s', async (_case, mangle) => {
    const verdict = await verifyNote(mangle(note), verifier);
    expect(verdict).toMatchObject({ ok: false, code: 'note_malformed' });
    expect(verdict.ok || verdict.message).not.toBe('');
  });

  it('accepts 100 signatures, the most it reads', async () => {
    const lines = note.slice(BODY.length + 1).repeat(100);
    expect(await verifyNote(`${BODY}\n${lines}`, verifier)).toMatchObject({ ok: true });
  });

  it.each([
    ['a body without final newline', 'text', NAME, 'note_malformed'],
    ['an empty body', '', NAME, 'note_malformed'],
    ['a body with a control character', 'a\tb\n', NAME, 'note_malformed'],
    ['a name with a space', 'text\n', 'a b', 'key_invalid'],
    ['a name with a plus', 'text\n', 'a+b', 'key_invalid'],
    ['an empty name', 'text\n', '', 'key_invalid'],
  ])('will not sign %s', async (_case, body, name, code) => {
    await expect(signNote(body, name, ours)).rejects.toMatchObject({ code });
  });
});
