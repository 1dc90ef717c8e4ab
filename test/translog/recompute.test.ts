/**
 * After 10,000 appends, the independent tree of reference-merkle.ts must agree with the log on
 * every root, and every proof the log gives must verify and equal the reference's. Sizes and
 * leaves come from a seeded generator, so a failure replays exactly.
 */

import { beforeAll, describe, expect, it } from 'vitest';

import { appendLeaves } from '../../src/translog/append.js';
import { MemoryTreeStore } from '../../src/translog/memory-tree-store.js';
import {
  localNoteSigningKey,
  parseVerifierKey,
  verifierKeyString,
} from '../../src/translog/note-key.js';
import { consistencyProof, inclusionProof, treeRoot } from '../../src/translog/proofs.js';
import { openCheckpoint, signCheckpoint } from '../../src/translog/signed-checkpoint.js';
import type { NodeId } from '../../src/translog/subtrees.js';
import type { TreeReader } from '../../src/translog/tree-store.js';
import { verifyConsistency, verifyInclusion } from '../../src/translog/verify-proof.js';
import { ReferenceTree } from './reference-merkle.js';

const SIZE = 10_000;
const ORIGIN = 'registry.example/log';

/** mulberry32: small, seeded, good enough to pick sizes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const random = seededRandom(9162);
const randomInt = (below: number) => Math.floor(random() * below);

/** Counts node reads, to show that proofs cost O(log n) of them. */
class CountingReader implements TreeReader {
  nodesRead = 0;
  constructor(readonly inner: TreeReader) {}
  size() {
    return this.inner.size();
  }
  readNodes(ids: readonly NodeId[]) {
    this.nodesRead += ids.length;
    return this.inner.readNodes(ids);
  }
}

function flipBit(hash: Uint8Array, bit: number): Uint8Array {
  const copy = hash.slice();
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
}

describe('independent recomputation after 10,000 appends', () => {
  const store = new MemoryTreeStore();
  const reference = new ReferenceTree();

  beforeAll(async () => {
    // Batches of 1 to 8 leaves, so both single appends and batch commits build the tree.
    while (reference.size < SIZE) {
      const batch: Uint8Array[] = [];
      const count = Math.min(1 + randomInt(8), SIZE - reference.size);
      for (let i = 0; i < count; i++) {
        const entry = crypto.getRandomValues(new Uint8Array(1 + randomInt(64)));
        batch.push(entry);
        reference.push(entry);
      }
      await appendLeaves(store, batch);
    }
  });

  it('has the reference root, and so does the signed checkpoint', async () => {
    const root = await treeRoot(store, SIZE);
    expect(root).toEqual(reference.root(SIZE));

    const key = await localNoteSigningKey(crypto.getRandomValues(new Uint8Array(32)));
    const text = await signCheckpoint({ origin: ORIGIN, size: SIZE, rootHash: root }, key);
    const verifier = parseVerifierKey(verifierKeyString(ORIGIN, key.publicKey));
    const opened = await openCheckpoint(text, verifier);

    expect(opened.ok && opened.checkpoint.size).toBe(SIZE);
    expect(opened.ok && opened.checkpoint.rootHash).toEqual(reference.root(SIZE));
  });

  it('has the reference root at 200 earlier sizes', async () => {
    for (let i = 0; i < 200; i++) {
      const size = randomInt(SIZE + 1);
      expect(await treeRoot(store, size), `size ${size}`).toEqual(reference.root(size));
    }
  });

  it('gives consistency proofs that verify between 200 random pairs of sizes', async () => {
    const pairs: [number, number][] = [
      [0, SIZE],
      [SIZE, SIZE],
      [1, SIZE],
      [4096, 8192],
      [8192, SIZE],
    ];
    while (pairs.length < 200) {
      const a = randomInt(SIZE + 1);
      const b = randomInt(SIZE + 1);
      pairs.push([Math.min(a, b), Math.max(a, b)]);
    }

    for (const [from, to] of pairs) {
      const proof = await consistencyProof(store, from, to);
      expect(proof, `${from} → ${to}`).toEqual(reference.consistency(from, to));

      const claim = { from, to, fromRoot: reference.root(from), toRoot: reference.root(to), proof };
      expect(verifyConsistency(claim), `${from} → ${to}`).toEqual({ ok: true });
    }
  });

  it('gives inclusion proofs that verify for 200 random leaves', async () => {
    for (let i = 0; i < 200; i++) {
      const size = 1 + randomInt(SIZE);
      const index = randomInt(size);
      const proof = await inclusionProof(store, index, size);
      expect(proof, `leaf ${index} of ${size}`).toEqual(reference.path(index, 0, size));

      const leafHash = reference.leafHash(index);
      const claim = { leafHash, index, size, root: reference.root(size), proof };
      expect(verifyInclusion(claim), `leaf ${index} of ${size}`).toEqual({ ok: true });
    }
  });

  it('refuses every proof with any one hash tampered', async () => {
    for (let i = 0; i < 50; i++) {
      const size = 2 + randomInt(SIZE - 1);
      const index = randomInt(size);
      const from = 1 + randomInt(size - 1);
      const inclusion = await inclusionProof(store, index, size);
      const consistency = await consistencyProof(store, from, size);
      const leaf = { leafHash: reference.leafHash(index), index, size, root: reference.root(size) };
      const roots = {
        from,
        to: size,
        fromRoot: reference.root(from),
        toRoot: reference.root(size),
      };

      for (const [at, hash] of inclusion.entries()) {
        const proof = inclusion.with(at, flipBit(hash, randomInt(256)));
        expect(verifyInclusion({ ...leaf, proof })).toMatchObject({ code: 'root_mismatch' });
      }
      for (const [at, hash] of consistency.entries()) {
        const proof = consistency.with(at, flipBit(hash, randomInt(256)));
        expect(verifyConsistency({ ...roots, proof })).toMatchObject({ code: 'root_mismatch' });
      }

      const shorter = { ...roots, proof: consistency.slice(1) };
      expect(verifyConsistency(shorter).ok).toBe(false);
      const tamperedLeaf = { ...leaf, leafHash: flipBit(leaf.leafHash, 0), proof: inclusion };
      expect(verifyInclusion(tamperedLeaf)).toMatchObject({ code: 'root_mismatch' });
    }
  });

  it('reads O(log n) nodes per root and proof', async () => {
    const reader = new CountingReader(store);
    const bound = 2 * Math.ceil(Math.log2(SIZE));

    for (let i = 0; i < 100; i++) {
      const size = 1 + randomInt(SIZE);
      const before = reader.nodesRead;
      await inclusionProof(reader, randomInt(size), size);
      await consistencyProof(reader, randomInt(size + 1), size);
      await treeRoot(reader, size);
      expect(reader.nodesRead - before).toBeLessThanOrEqual(3 * bound);
    }

    reader.nodesRead = 0;
    await treeRoot(reader, SIZE);
    // 10,000 = 8192 + 1024 + 512 + 256 + 16: one stored subtree per 1 bit.
    expect(reader.nodesRead).toBe(5);
  });
});
