/**
 * The stored tree on small sizes, exhaustively: every root, every inclusion proof and every
 * consistency proof up to 64 leaves against the reference tree; then the store's contract
 * (conflicts, missing nodes, sizes out of range).
 */

import { beforeAll, describe, expect, it } from 'vitest';

import { appendLeaf, appendLeaves } from '../../src/translog/append.js';
import { TranslogError } from '../../src/translog/errors.js';
import { MemoryTreeStore } from '../../src/translog/memory-tree-store.js';
import { EMPTY_TREE_HASH, hashLeaf } from '../../src/translog/merkle.js';
import { consistencyProof, inclusionProof, treeRoot } from '../../src/translog/proofs.js';
import { subtreesOfRange } from '../../src/translog/subtrees.js';
import { verifyConsistency, verifyInclusion } from '../../src/translog/verify-proof.js';
import { ReferenceTree } from './reference-merkle.js';

const SMALL = 64;

function entry(i: number): Uint8Array {
  return new TextEncoder().encode(`entry ${i}`);
}

async function buildTrees(size: number): Promise<[MemoryTreeStore, ReferenceTree]> {
  const store = new MemoryTreeStore();
  const reference = new ReferenceTree();
  for (let i = 0; i < size; i++) {
    await appendLeaf(store, entry(i));
    reference.push(entry(i));
  }
  return [store, reference];
}

describe('stored tree, every size up to 64', () => {
  let store: MemoryTreeStore;
  let reference: ReferenceTree;
  beforeAll(async () => {
    [store, reference] = await buildTrees(SMALL);
  });

  it('has the reference root at every size, the empty tree included', async () => {
    expect(await treeRoot(store, 0)).toEqual(EMPTY_TREE_HASH);
    for (let size = 0; size <= SMALL; size++) {
      expect(await treeRoot(store, size), `size ${size}`).toEqual(reference.root(size));
    }
  });

  it('gives the reference inclusion proof of every leaf at every size; only it verifies', async () => {
    for (let size = 1; size <= SMALL; size++) {
      const root = reference.root(size);
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(store, index, size);
        expect(proof, `${index} of ${size}`).toEqual(reference.path(index, 0, size));

        const leafHash = hashLeaf(entry(index));
        expect(verifyInclusion({ leafHash, index, size, root, proof }).ok).toBe(true);

        const longer = [...proof, root];
        expect(verifyInclusion({ leafHash, index, size, root, proof: longer }).ok).toBe(false);
        if (proof.length === 0) continue;
        const shorter = proof.slice(0, -1);
        expect(verifyInclusion({ leafHash, index, size, root, proof: shorter }).ok).toBe(false);
      }
    }
  });

  it('gives the reference consistency proof for every pair of sizes; only it verifies', async () => {
    for (let to = 0; to <= SMALL; to++) {
      for (let from = 0; from <= to; from++) {
        const proof = await consistencyProof(store, from, to);
        expect(proof, `${from} → ${to}`).toEqual(reference.consistency(from, to));

        const roots = { fromRoot: reference.root(from), toRoot: reference.root(to) };
        expect(verifyConsistency({ from, to, ...roots, proof }).ok, `${from} → ${to}`).toBe(true);

        const longer = [...proof, roots.toRoot];
        expect(verifyConsistency({ from, to, ...roots, proof: longer }).ok).toBe(false);
        if (proof.length === 0) continue;
        const shorter = proof.slice(0, -1);
        expect(verifyConsistency({ from, to, ...roots, proof: shorter }).ok).toBe(false);
      }
    }
  });

  it('builds the same tree from batches as from single appends', async () => {
    const batched = new MemoryTreeStore();
    const sizes = [3, 1, 7, 16, 2, 35];
    let next = 0;
    for (const count of sizes) {
      const batch = Array.from({ length: count }, (_, i) => entry(next + i));
      expect(await appendLeaves(batched, batch)).toEqual({ from: next, to: next + count });
      next += count;
    }

    for (let size = 0; size <= SMALL; size++) {
      expect(await treeRoot(batched, size)).toEqual(await treeRoot(store, size));
    }
    expect(await appendLeaves(batched, [])).toEqual({ from: SMALL, to: SMALL });
  });
});

describe('proof edge cases', () => {
  it('refuses consistency between different trees of the same size', () => {
    const a = hashLeaf(entry(1));
    const b = hashLeaf(entry(2));
    const verdict = verifyConsistency({ from: 1, to: 1, fromRoot: a, toRoot: b, proof: [] });
    expect(verdict).toMatchObject({ ok: false, code: 'root_mismatch' });
  });

  it('refuses a proof where none is due (m = n, m = 0)', () => {
    const root = hashLeaf(entry(1));
    const same = { from: 1, to: 1, fromRoot: root, toRoot: root, proof: [root] };
    expect(verifyConsistency(same)).toMatchObject({ ok: false, code: 'proof_length' });

    const fromEmpty = { from: 0, to: 1, fromRoot: EMPTY_TREE_HASH, toRoot: root, proof: [root] };
    expect(verifyConsistency(fromEmpty)).toMatchObject({ ok: false, code: 'proof_length' });
  });

  it('accepts m = 0 only against the empty tree root', () => {
    const root = hashLeaf(entry(1));
    const fromEmpty = { from: 0, to: 1, fromRoot: EMPTY_TREE_HASH, toRoot: root, proof: [] };
    expect(verifyConsistency(fromEmpty)).toEqual({ ok: true });

    const wrong = { ...fromEmpty, fromRoot: root };
    expect(verifyConsistency(wrong)).toMatchObject({ ok: false, code: 'root_mismatch' });
  });

  it.each([
    ['size 0', 0, 0],
    ['index = size', 3, 3],
    ['negative index', -1, 3],
    ['fractional size', 0, 2.5],
    ['unsafe size', 0, 2 ** 53],
  ])('answers input_invalid for inclusion with %s', (_case, index, size) => {
    const hash = hashLeaf(entry(0));
    const verdict = verifyInclusion({ leafHash: hash, index, size, root: hash, proof: [] });
    expect(verdict).toMatchObject({ ok: false, code: 'input_invalid' });
  });

  it('keeps sizes near 2^53 exact (no 32-bit shifts)', () => {
    const size = 2 ** 52 + 3;
    const hash = hashLeaf(entry(0));
    const verdict = verifyInclusion({
      leafHash: hash,
      index: size - 1,
      size,
      root: hash,
      proof: [],
    });
    expect(verdict).toMatchObject({ ok: false, code: 'proof_length' });
    expect(subtreesOfRange(0, size)).toEqual([
      { level: 52, index: 0 },
      { level: 1, index: 2 ** 51 },
      { level: 0, index: 2 ** 52 + 2 },
    ]);
  });
});

describe('MemoryTreeStore contract', () => {
  it('lets only one of two racing appends commit', async () => {
    const store = new MemoryTreeStore();
    const results = await Promise.allSettled([
      appendLeaf(store, entry(0)),
      appendLeaf(store, entry(1)),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected');
    expect(failure?.reason).toMatchObject({ name: 'TranslogError', code: 'append_conflict' });
    expect(await store.size()).toBe(1);
  });

  it('refuses a batch that does not complete the tree, writing nothing', async () => {
    const store = new MemoryTreeStore();
    await appendLeaf(store, entry(0));
    const leaf = { level: 0, index: 1, hash: hashLeaf(entry(1)) };

    // Size 2 needs the parent (1, 0) too.
    await expect(store.commit(1, 2, [leaf])).rejects.toThrow(RangeError);
    expect(await store.size()).toBe(1);
    await expect(store.readNodes([{ level: 0, index: 1 }])).rejects.toThrow(TranslogError);
  });

  it('answers node_missing for nodes not yet complete', async () => {
    const [store] = await buildTrees(5);
    await expect(store.readNodes([{ level: 2, index: 1 }])).rejects.toMatchObject({
      code: 'node_missing',
    });
    await expect(store.readNodes([{ level: 3, index: 0 }])).rejects.toMatchObject({
      code: 'node_missing',
    });
    expect(await store.readNodes([{ level: 2, index: 0 }])).toHaveLength(1);
  });

  it('refuses sizes and indices beyond the tree', async () => {
    const [store] = await buildTrees(5);

    await expect(treeRoot(store, 6)).rejects.toMatchObject({ code: 'size_out_of_range' });
    await expect(treeRoot(store, -1)).rejects.toMatchObject({ code: 'size_out_of_range' });
    await expect(inclusionProof(store, 5, 5)).rejects.toMatchObject({
      code: 'index_out_of_range',
    });
    await expect(inclusionProof(store, 0, 0)).rejects.toMatchObject({
      code: 'index_out_of_range',
    });
    await expect(consistencyProof(store, 3, 6)).rejects.toMatchObject({
      code: 'size_out_of_range',
    });
    await expect(consistencyProof(store, 4, 3)).rejects.toMatchObject({
      code: 'size_out_of_range',
    });
  });

  it('hands out copies, so a caller cannot change the stored tree', async () => {
    const [store] = await buildTrees(2);
    const [leaf] = await store.readNodes([{ level: 0, index: 0 }]);
    leaf?.fill(0);
    expect(await store.readNodes([{ level: 0, index: 0 }])).toEqual([hashLeaf(entry(0))]);
  });
});
