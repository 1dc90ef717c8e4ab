import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesToHex, fromBase64Url } from '../../src/crypto/bytes.js';
import {
  decodeBitstring,
  encodeBitstring,
  getBit,
  setBit,
} from '../../src/statuslist/bitstring.js';
import { buildStatusList, statusListSize } from '../../src/statuslist/build-status-list.js';
import { allocateStatusIndex } from '../../src/statuslist/index-allocation.js';
import {
  checkStatusList,
  type SignedStatusList,
  STATUS_LIST_MIN_SIZE,
} from '../../src/statuslist/status-list.js';
import { localNoteSigningKey, noteKeyId, verifierKeyString } from '../../src/translog/note-key.js';

const NAME = 'verify.example.kz/registry-log';
const ISSUED = new Date('2026-12-03T07:00:00Z');

async function logKey(fill = 7) {
  const key = await localNoteSigningKey(new Uint8Array(32).fill(fill));
  return {
    key,
    verifier: verifierKeyString(NAME, key.publicKey),
    keyId: bytesToHex(noteKeyId(NAME, key.publicKey)),
  };
}

async function sampleList(revoked: number[] = [5, 131_071], suspended: number[] = [6]) {
  const { key, verifier, keyId } = await logKey();
  const list = await buildStatusList({
    providerId: 'prv_astana',
    url: 'https://verify.example.kz/api/v1/status-lists/prv_astana',
    size: STATUS_LIST_MIN_SIZE,
    revoked,
    suspended,
    issuedAt: ISSUED,
    keyId,
    sign: (m) => key.sign(m),
  });
  return { list, verifier };
}

/** The bits as node:zlib, an independent GZIP decoder, reads them. */
function zlibBits(encoded: string): Uint8Array {
  expect(encoded.startsWith('u')).toBe(true);
  return new Uint8Array(gunzipSync(fromBase64Url(encoded.slice(1))));
}

describe('the bitstring', () => {
  it('puts index 0 in the most significant bit of the first byte (W3C order)', () => {
    const bits = new Uint8Array(2);
    setBit(bits, 0);
    setBit(bits, 9);
    expect([...bits]).toEqual([0x80, 0x40]);
    expect([0, 1, 9, 15].map((i) => getBit(bits, i))).toEqual([true, false, true, false]);
  });

  it('decodes with node:zlib to the very bits that were set', async () => {
    const bits = new Uint8Array(STATUS_LIST_MIN_SIZE / 8);
    for (const i of [0, 7, 8, 65_535, 131_071]) setBit(bits, i);
    const encoded = await encodeBitstring(bits);

    expect(zlibBits(encoded)).toEqual(bits);
    expect(await decodeBitstring(encoded, bits.length)).toEqual(bits);
  });

  it('refuses text that is not multibase base64url GZIP, and output past the bound', async () => {
    const encoded = await encodeBitstring(new Uint8Array(1024));
    expect(await decodeBitstring(encoded.slice(1), 1024)).toBeNull();
    expect(await decodeBitstring('u!!!', 1024)).toBeNull();
    expect(await decodeBitstring('uAAAA', 1024)).toBeNull();
    expect(await decodeBitstring(encoded, 1023)).toBeNull();
  });
});

describe('checkStatusList', () => {
  it('answers each index’s status from a fresh, signed list', async () => {
    const { list, verifier } = await sampleList();
    const at = (index: number) =>
      checkStatusList(list, { key: verifier, index, now: ISSUED, providerId: 'prv_astana' });

    expect(await at(5)).toEqual({
      state: 'fresh',
      status: 'revoked',
      providerId: 'prv_astana',
      issuedAt: '2026-12-03T07:00:00.000Z',
      validUntil: '2026-12-04T07:00:00.000Z',
    });
    expect(await at(131_071)).toMatchObject({ state: 'fresh', status: 'revoked' });
    expect(await at(6)).toMatchObject({ status: 'suspended' });
    expect(await at(7)).toMatchObject({ status: 'active' });
  });

  it('holds two lists that node:zlib reads back to the same bits', async () => {
    const { list } = await sampleList([3], [4, 100_000]);
    const revoked = zlibBits(list.revocation);
    const suspended = zlibBits(list.suspension);

    expect(revoked.length).toBe(16_384);
    expect([...revoked.entries()].filter(([, b]) => b !== 0)).toEqual([[0, 0x10]]);
    expect(getBit(suspended, 4) && getBit(suspended, 100_000)).toBe(true);
    expect(suspended.reduce((n, b) => n + popcount(b), 0)).toBe(2);
  });

  it('reports a list past validUntil as stale, still with its status', async () => {
    const { list, verifier } = await sampleList();
    const later = new Date(Date.parse(list.validUntil) + 1);

    expect(await checkStatusList(list, { key: verifier, index: 5, now: later })).toMatchObject({
      state: 'stale',
      status: 'revoked',
    });
    const edge = new Date(list.validUntil);
    expect((await checkStatusList(list, { key: verifier, index: 5, now: edge })).state).toBe(
      'fresh',
    );
  });

  it.each<[string, (list: SignedStatusList) => SignedStatusList]>([
    ['a changed bitstring byte', (l) => ({ ...l, revocation: flipChar(l.revocation, 20) })],
    ['a later validUntil', (l) => ({ ...l, validUntil: '2027-12-04T07:00:00.000Z' })],
    ['another provider', (l) => ({ ...l, providerId: 'prv_almaty_medeu' })],
    ['lists swapped', (l) => ({ ...l, revocation: l.suspension, suspension: l.revocation })],
    ['a changed signature byte', (l) => ({ ...l, signature: flipChar(l.signature, 10) })],
  ])('fails the signature for %s', async (_, change) => {
    const { list, verifier } = await sampleList();
    const result = await checkStatusList(change(list), { key: verifier, index: 5, now: ISSUED });
    expect(result).toEqual({
      state: 'invalid',
      problem: 'signature',
      message: expect.stringMatching(/^the signature (does not match|is not base64url)/),
    });
  });

  it('fails when one byte of the signed JSON changes anywhere', async () => {
    const { list, verifier } = await sampleList();
    const text = JSON.stringify(list);
    const field = text.indexOf('"issuedAt":"') + 13;
    const altered = JSON.parse(`${text.slice(0, field)}7${text.slice(field + 1)}`);

    expect(await checkStatusList(altered, { key: verifier, index: 5, now: ISSUED })).toMatchObject({
      state: 'invalid',
      problem: 'signature',
    });
  });

  it('refuses a list under another key than the pinned one', async () => {
    const { list } = await sampleList();
    const other = await logKey(9);

    expect(
      await checkStatusList(list, { key: other.verifier, index: 5, now: ISSUED }),
    ).toMatchObject({ state: 'invalid', problem: 'key' });
    expect(await checkStatusList(list, { key: 'nonsense', index: 5, now: ISSUED })).toMatchObject({
      state: 'invalid',
      problem: 'key',
    });
  });

  it('refuses another provider, an index out of range, and malformed documents', async () => {
    const { list, verifier } = await sampleList();
    const check = (doc: unknown, index = 5, providerId?: string) =>
      checkStatusList(doc, { key: verifier, index, now: ISSUED, providerId });

    expect(await check(list, 5, 'prv_almaty_medeu')).toMatchObject({ problem: 'provider' });
    for (const index of [-1, STATUS_LIST_MIN_SIZE, 1.5]) {
      expect(await check(list, index)).toMatchObject({ problem: 'index' });
    }
    for (const doc of [null, [], 'list', { ...list, extra: 1 }, { ...list, size: 1024 }]) {
      expect(await check(doc)).toMatchObject({ state: 'invalid', problem: 'format' });
    }
    const { signature: _, ...unsigned } = list;
    expect(await check(unsigned)).toMatchObject({ problem: 'format' });
  });
});

describe('list size and index allocation', () => {
  it('keeps at least 131,072 entries and doubles past the highest index', () => {
    expect(statusListSize(null)).toBe(131_072);
    expect(statusListSize(131_071)).toBe(131_072);
    expect(statusListSize(131_072)).toBe(262_144);
  });

  it('draws again while an index is taken, and doubles the list only after eight misses', async () => {
    const tried: number[] = [];
    let calls = 0;
    const random = () => {
      calls++;
      return calls <= 9 ? Uint8Array.of(0, 2, 0, 1) : Uint8Array.of(0, 0, 0, 9);
    };
    const index = await allocateStatusIndex(random, async (i) => {
      tried.push(i);
      return tried.length > 9;
    });

    // 0x00020001 masked to 17 bits is 1, to 18 bits 131,073; eight misses at 131,072 first.
    expect(tried.slice(0, 8)).toEqual(Array(8).fill(1));
    expect(tried[8]).toBe(131_073);
    expect(index).toBe(9);
  });
});

function flipChar(text: string, at: number): string {
  const c = text[at] === 'A' ? 'B' : 'A';
  return `${text.slice(0, at)}${c}${text.slice(at + 1)}`;
}

function popcount(byte: number): number {
  let n = 0;
  for (let b = byte; b; b &= b - 1) n++;
  return n;
}
