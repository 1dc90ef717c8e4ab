/**
 * Appending to the log: hash the new leaves and complete every perfect subtree they close.
 *
 * Only the right edge of the tree can gain a parent, so an append reads just the edge subtrees
 * that the new leaves will pair with (for one leaf: one per trailing 1 bit of the old size, one on
 * average), and writes the leaves plus the parents that complete, in one commit.
 */

import { TranslogError } from './errors.js';
import { hashChildren, hashLeaf } from './merkle.js';
import { isTreeSize, type NodeId, subtreesOfRange } from './subtrees.js';
import type { StoredNode, TreeStore } from './tree-store.js';

/** What an append did: the new leaves have indices `from` to `to − 1`. */
export interface AppendResult {
  from: number;
  to: number;
}

/**
 * Appends `entries` as leaves HASH(0x00 || entry) (RFC 9162 §2.1.1), in order, in one commit.
 * Callers serialise appends, usually by running this inside the database transaction that records
 * the change the entries describe; a concurrent append shows up as `append_conflict`.
 *
 * @throws TranslogError `append_conflict` when another append committed first;
 *   `size_out_of_range` when the tree would outgrow exact JS integers.
 */
export async function appendLeaves(
  store: TreeStore,
  entries: readonly Uint8Array[],
): Promise<AppendResult> {
  const from = await store.size();
  const to = from + entries.length;
  if (!isTreeSize(to)) throw new TranslogError('size_out_of_range', `size ${to} is too large`);
  if (entries.length === 0) return { from, to };

  const edge = subtreesOfRange(0, from).filter((node) => gainsParent(node, from, to));
  const edgeHashes = await store.readNodes(edge);
  const stack: StoredNode[] = edge.map((node, i) => ({
    ...node,
    hash: edgeHashes[i] as Uint8Array,
  }));

  const written: StoredNode[] = [];
  for (const [offset, entry] of entries.entries()) {
    let node: StoredNode = { level: 0, index: from + offset, hash: hashLeaf(entry) };
    written.push(node);

    for (let left = stack.at(-1); left?.level === node.level; left = stack.at(-1)) {
      stack.pop();
      const parent = { level: node.level + 1, index: left.index / 2 };
      node = { ...parent, hash: hashChildren(left.hash, node.hash) };
      written.push(node);
    }
    stack.push(node);
  }

  await store.commit(from, to, written);
  return { from, to };
}

/** Appends one entry; answers its leaf index. */
export async function appendLeaf(store: TreeStore, entry: Uint8Array): Promise<number> {
  const { from } = await appendLeaves(store, [entry]);
  return from;
}

/** Whether the parent of this edge subtree is complete once the tree reaches `to` leaves. */
function gainsParent({ level }: NodeId, from: number, to: number): boolean {
  const parentWidth = 2 ** (level + 1);
  return Math.floor(to / parentWidth) > Math.floor(from / parentWidth);
}
