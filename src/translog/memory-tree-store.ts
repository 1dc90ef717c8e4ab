/**
 * The tree of tree-store.ts held in memory: one contiguous byte buffer per level, so a million
 * leaves cost about 64 MB of hashes rather than two million small objects. For tests, benchmarks
 * and single-process tools; the registry's log lives in its database.
 */

import { TranslogError } from './errors.js';
import { HASH_SIZE } from './merkle.js';
import type { NodeId } from './subtrees.js';
import type { StoredNode, TreeStore } from './tree-store.js';

const INITIAL_CAPACITY = 1024;

export class MemoryTreeStore implements TreeStore {
  #size = 0;
  /** levels[l] holds counts[l] hashes back to back. */
  readonly #levels: Uint8Array[] = [];
  readonly #counts: number[] = [];

  async size(): Promise<number> {
    return this.#size;
  }

  async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    return ids.map(({ level, index }) => {
      const buffer = this.#levels[level];
      const count = this.#counts[level] ?? 0;
      if (buffer === undefined || !Number.isSafeInteger(index) || index < 0 || index >= count) {
        throw new TranslogError('node_missing', `node (${level}, ${index}) is not stored`);
      }

      return buffer.slice(index * HASH_SIZE, (index + 1) * HASH_SIZE);
    });
  }

  async commit(from: number, to: number, nodes: readonly StoredNode[]): Promise<void> {
    if (from !== this.#size) {
      throw new TranslogError('append_conflict', `size is ${this.#size}, expected ${from}`);
    }
    this.#checkBatch(to, nodes);

    for (const node of nodes) this.#push(node);
    this.#size = to;
  }

  /**
   * All or nothing: before anything is written, the batch must extend every level by exactly the
   * nodes that complete between the two sizes, in order. A bug in append.ts then fails loudly
   * instead of leaving a tree whose proofs no longer verify.
   */
  #checkBatch(to: number, nodes: readonly StoredNode[]): void {
    const counts = [...this.#counts];

    for (const { level, index, hash } of nodes) {
      if (hash.length !== HASH_SIZE || index !== (counts[level] ?? 0)) {
        throw new RangeError(`node (${level}, ${index}) does not extend its level`);
      }
      counts[level] = index + 1;
    }

    for (let level = 0, width = 1; width <= to || level < counts.length; level++, width *= 2) {
      if ((counts[level] ?? 0) !== Math.floor(to / width)) {
        throw new RangeError(`level ${level} would not be complete at size ${to}`);
      }
    }
  }

  #push({ level, index, hash }: StoredNode): void {
    let buffer = this.#levels[level] ?? new Uint8Array(INITIAL_CAPACITY * HASH_SIZE);
    if ((index + 1) * HASH_SIZE > buffer.length) {
      const grown = new Uint8Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }

    buffer.set(hash, index * HASH_SIZE);
    this.#levels[level] = buffer;
    this.#counts[level] = index + 1;
  }
}
