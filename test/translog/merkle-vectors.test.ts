/**
 * The inclusion and consistency vectors of transparency-dev/merkle (shared/vectors/merkle, see
 * SOURCES.md): every mutated proof is refused, every happy path accepted. The happy paths are
 * also proofs over the 8-leaf test tree of RFC 6962's reference code, so our generator must
 * reproduce them byte for byte.
 */

import { readdirSync, readFileSync } from 'node:fs';

import { beforeAll, describe, expect, it } from 'vitest';

import { appendLeaves } from '../../src/translog/append.js';
import { MemoryTreeStore } from '../../src/translog/memory-tree-store.js';
import { consistencyProof, inclusionProof, treeRoot } from '../../src/translog/proofs.js';
import { verifyConsistency, verifyInclusion } from '../../src/translog/verify-proof.js';
import { VECTORS } from '../crypto/vectors.js';

const MERKLE = new URL('merkle/', VECTORS);

interface InclusionVector {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyVector {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

/** The leaves of the test tree: "", 00, 10, 2021, 3031, 40..43, 50..57, 60..6f. */
const TEST_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Uint8Array.from(Buffer.from(hex, 'hex')));

/**
 * The verdict code each kind of mutation must get, where it does not depend on the tree: bytes
 * that are not hashes, a proof of the wrong length, and a well-formed proof leading elsewhere.
 * Mutated indices and sizes land in any of the codes, depending on where they fall.
 */
const EXPECTED_CODES: [RegExp, string][] = [
  [/garbage|wrong-leaf|wrong-root|empty-leaf|empty-root-and-leaf/, 'hash_length'],
  [/modified-proof|swapped-roots|random-root/, 'root_mismatch'],
  [/truncated|removed|inserted|preceding-(root|proof)|trailing-root|empty-proof/, 'proof_length'],
  [/size1-|size2-mul|treeSize-mul/, 'proof_length'],
];

function expectedCode(name: string): string | undefined {
  return EXPECTED_CODES.find(([pattern]) => pattern.test(name))?.[1];
}

function loadVectors<T>(folder: string): [string, T][] {
  const base = new URL(`${folder}/`, MERKLE);
  const files = readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((name) => [name, JSON.parse(readFileSync(new URL(name, base), 'utf8')) as T]);
}

function bytes(base64: string): Uint8Array {
  return Uint8Array.from(Buffer.from(base64, 'base64'));
}

function b64(hash: Uint8Array): string {
  return Buffer.from(hash).toString('base64');
}

const inclusion = loadVectors<InclusionVector>('inclusion');
const consistency = loadVectors<ConsistencyVector>('consistency');

describe('merkle vectors', () => {
  const store = new MemoryTreeStore();
  beforeAll(async () => {
    await appendLeaves(store, TEST_LEAVES);
  });

  it('finds every vector file', () => {
    expect(inclusion).toHaveLength(86);
    expect(consistency).toHaveLength(84);
  });

  it.each(inclusion)('inclusion %s', (name, vector) => {
    const verdict = verifyInclusion({
      leafHash: bytes(vector.leafHash),
      index: vector.leafIdx,
      size: vector.treeSize,
      root: bytes(vector.root),
      proof: (vector.proof ?? []).map(bytes),
    });

    expect(verdict.ok, vector.desc).toBe(!vector.wantErr);
    if (verdict.ok) return;
    expect(verdict.message).not.toBe('');
    expect(verdict.code).toBe(expectedCode(name) ?? verdict.code);
  });

  it.each(consistency)('consistency %s', (name, vector) => {
    const verdict = verifyConsistency({
      from: vector.size1,
      to: vector.size2,
      fromRoot: bytes(vector.root1),
      toRoot: bytes(vector.root2),
      proof: (vector.proof ?? []).map(bytes),
    });

    expect(verdict.ok, vector.desc).toBe(!vector.wantErr);
    if (!verdict.ok) expect(verdict.code).toBe(expectedCode(name) ?? verdict.code);
  });

  it('generates the inclusion proof of every happy path over the test tree', async () => {
    const happy = inclusion.filter(([, v]) => !v.wantErr && v.treeSize <= TEST_LEAVES.length);
    let checked = 0;

    for (const [, vector] of happy) {
      if (b64(await treeRoot(store, vector.treeSize)) !== vector.root) continue;

      const proof = await inclusionProof(store, vector.leafIdx, vector.treeSize);
      expect(proof.map(b64)).toEqual(vector.proof ?? []);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('generates the consistency proof of every happy path over the test tree', async () => {
    const happy = consistency.filter(([, v]) => !v.wantErr);
    expect(happy).toHaveLength(5);

    for (const [, vector] of happy) {
      expect(b64(await treeRoot(store, vector.size1))).toBe(vector.root1);
      expect(b64(await treeRoot(store, vector.size2))).toBe(vector.root2);

      const proof = await consistencyProof(store, vector.size1, vector.size2);
      expect(proof.map(b64)).toEqual(vector.proof ?? []);
    }
  });
});
