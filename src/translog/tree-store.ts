/**
 * Where the log keeps its tree: the hash of every perfect, aligned subtree, written once when the
 * subtree becomes complete and never changed afterwards.
 *
 * Layout, one row per node, so that an SQL table can back it as it stands:
 *
 *     log_nodes(level smallint, index bigint, hash bytea(32), primary key (level, index))
 *     log_head(id smallint = 1, size bigint)   -- one row: the number of leaves committed
 *
 * (db/schema.ts declares them so; src/store/sql-tree-store.ts reads and writes them.)
 *
 * - `level` 0 holds the leaf hashes, HASH(0x00 || entry); row (0, i) is leaf i.
 * - Row (level, index) is MTH of leaves [index · 2^level, (index + 1) · 2^level), and exists as
 *   soon as size ≥ (index + 1) · 2^level. Row (l + 1, j) = HASH(0x01 || (l, 2j) || (l, 2j + 1)).
 * - Rows are only ever inserted, and the head moves in the same transaction. A tree of n leaves
 *   has n leaf rows and n − popcount(n) inner rows: under 2n rows, about 64 bytes of hash a leaf.
 * - A root at any size ≤ head, and any proof, needs at most about 2 · log2(size) rows, which
 *   subtrees.ts names before anything is read, so one `where (level, index) in (…)` fetches them.
 *
 * The entries themselves (the leaf data served at /log/entries/<index>) live in their own table;
 * the tree needs only their hashes.
 */

import type { NodeId } from './subtrees.js';

/** A node to insert: its place and its 32-byte hash. */
export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

/** The read side, which is all that roots and proofs need. */
export interface TreeReader {
  /** The number of leaves committed. */
  size(): Promise<number>;

  /**
   * The hashes of `ids`, in the same order. Every node asked for is complete at the current size,
   * so a missing one means damaged storage.
   *
   * @throws TranslogError `node_missing` when a node is absent.
   */
  readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]>;
}

/** The write side, used only by append.ts. */
export interface TreeStore extends TreeReader {
  /**
   * Inserts `nodes` and moves the size from `from` to `to`, all or nothing. The compare on `from`
   * keeps two concurrent appends from both building on the same old size: a database implements
   * it by locking the head row (`select … for update`) or by `update … where size = from`.
   *
   * @throws TranslogError `append_conflict` when the size is no longer `from`.
   */
  commit(from: number, to: number, nodes: readonly StoredNode[]): Promise<void>;
}
