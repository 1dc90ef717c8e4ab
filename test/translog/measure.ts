/**
 * Log measurements, run by hand (`npx tsx test/translog/measure.ts`); not a test, because timings
 * depend on the machine. Prints appends per second in memory, and the cost of inclusion proofs at
 * 10^4, 10^5 and 10^6 leaves: time, node reads and hashes per proof.
 */

import { performance } from 'node:perf_hooks';

import { appendLeaf, appendLeaves } from '../../src/translog/append.js';
import { MemoryTreeStore } from '../../src/translog/memory-tree-store.js';
import { inclusionProof, treeRoot } from '../../src/translog/proofs.js';
import type { NodeId } from '../../src/translog/subtrees.js';
import type { TreeReader } from '../../src/translog/tree-store.js';
import { verifyInclusion } from '../../src/translog/verify-proof.js';

const PROOFS_PER_SIZE = 20_000;

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

/** An entry as the registry logs it: a 32-byte event digest. */
function entry(i: number): Uint8Array {
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, i);
  return bytes;
}

async function measureAppends(): Promise<void> {
  const single = new MemoryTreeStore();
  let start = performance.now();
  for (let i = 0; i < 200_000; i++) await appendLeaf(single, entry(i));
  const singleRate = 200_000 / ((performance.now() - start) / 1000);

  const batched = new MemoryTreeStore();
  start = performance.now();
  for (let i = 0; i < 200_000; i += 100) {
    await appendLeaves(
      batched,
      Array.from({ length: 100 }, (_, j) => entry(i + j)),
    );
  }
  const batchRate = 200_000 / ((performance.now() - start) / 1000);

  console.log(`appends/s, one leaf per commit:   ${Math.round(singleRate)}`);
  console.log(`appends/s, 100 leaves per commit: ${Math.round(batchRate)}`);
}

async function measureProofs(): Promise<void> {
  const store = new MemoryTreeStore();
  const reader = new CountingReader(store);
  console.log('size      µs/proof  reads/proof (avg, max)  proof length  log2(size)');

  // The first size is measured twice and printed once, so JIT warm-up does not count against it.
  for (const [round, size] of [10_000, 10_000, 100_000, 1_000_000].entries()) {
    const have = await store.size();
    for (let i = have; i < size; i += 1000) {
      await appendLeaves(
        store,
        Array.from({ length: Math.min(1000, size - i) }, (_, j) => entry(i + j)),
      );
    }

    const indices = Array.from({ length: PROOFS_PER_SIZE }, () => Math.floor(Math.random() * size));
    let maxReads = 0;
    reader.nodesRead = 0;
    const start = performance.now();
    for (const index of indices) {
      const before = reader.nodesRead;
      await inclusionProof(reader, index, size);
      maxReads = Math.max(maxReads, reader.nodesRead - before);
    }
    const micros = ((performance.now() - start) * 1000) / PROOFS_PER_SIZE;
    const avgReads = reader.nodesRead / PROOFS_PER_SIZE;

    // A sanity check that the timed proofs are real ones.
    const index = indices[0] ?? 0;
    const proof = await inclusionProof(store, index, size);
    const [leafHash] = await store.readNodes([{ level: 0, index }]);
    const root = await treeRoot(store, size);
    const verdict = verifyInclusion({ leafHash: leafHash as Uint8Array, index, size, root, proof });
    if (!verdict.ok) throw new Error(`proof at ${size} does not verify`);

    if (round === 0) continue;
    console.log(
      `${String(size).padEnd(9)} ${micros.toFixed(1).padStart(8)}  ` +
        `${avgReads.toFixed(1).padStart(11)}, ${String(maxReads).padEnd(10)} ` +
        `${String(proof.length).padStart(12)}  ${Math.log2(size).toFixed(1).padStart(10)}`,
    );
  }
}

await measureAppends();
await measureProofs();
