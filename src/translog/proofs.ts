/**
 * Roots and proofs at any size the log has reached, from the stored perfect subtrees: subtrees.ts
 * names the nodes, one `readNodes` fetches them, and each proof element is the fold of its nodes.
 * Cost at size n: about 2 · log2(n) node reads and fewer hashes, never a pass over the leaves.
 */

import { TranslogError } from './errors.js';
import { EMPTY_TREE_HASH, foldSubtrees } from './merkle.js';
import { consistencyPlan, inclusionPlan, isTreeSize, rootPlan, type Segment } from './subtrees.js';
import type { TreeReader } from './tree-store.js';

/**
 * MTH(D[0:size]) (RFC 9162 §2.1.1) for any size up to the current one, so a checkpoint of an
 * earlier size can be re-derived.
 *
 * @throws TranslogError `size_out_of_range` when `size` exceeds the tree.
 */
export async function treeRoot(store: TreeReader, size: number): Promise<Uint8Array> {
  await checkSize(store, size, 'size');
  if (size === 0) return EMPTY_TREE_HASH.slice();

  const [root] = await readSegments(store, [rootPlan(size)]);
  return root as Uint8Array;
}

/**
 * The audit path of leaf `index` in the tree of `size` leaves (RFC 9162 §2.1.3.1), deepest
 * sibling first.
 *
 * @throws TranslogError `size_out_of_range` when `size` exceeds the tree;
 *   `index_out_of_range` unless 0 ≤ index < size.
 */
export async function inclusionProof(
  store: TreeReader,
  index: number,
  size: number,
): Promise<Uint8Array[]> {
  await checkSize(store, size, 'size');
  if (!isTreeSize(index) || index >= size) {
    throw new TranslogError('index_out_of_range', `index: expected 0 ≤ index < ${size}`);
  }

  return readSegments(store, inclusionPlan(index, size));
}

/**
 * The consistency proof from size `from` to size `to` (RFC 9162 §2.1.4.1). It is empty when
 * from = to, and when from = 0: the empty tree is a prefix of every tree.
 *
 * @throws TranslogError `size_out_of_range` unless 0 ≤ from ≤ to ≤ the tree size.
 */
export async function consistencyProof(
  store: TreeReader,
  from: number,
  to: number,
): Promise<Uint8Array[]> {
  await checkSize(store, to, 'to');
  if (!isTreeSize(from) || from > to) {
    throw new TranslogError('size_out_of_range', `from: expected 0 ≤ from ≤ ${to}`);
  }

  return readSegments(store, consistencyPlan(from, to));
}

async function checkSize(store: TreeReader, size: number, field: string): Promise<void> {
  const current = await store.size();
  if (!isTreeSize(size) || size > current) {
    throw new TranslogError('size_out_of_range', `${field}: expected 0 ≤ ${field} ≤ ${current}`);
  }
}

/** One read for all segments, then one fold per segment. */
async function readSegments(store: TreeReader, segments: Segment[]): Promise<Uint8Array[]> {
  const hashes = await store.readNodes(segments.flat());

  let at = 0;
  return segments.map((segment) => {
    const folded = foldSubtrees(hashes.slice(at, at + segment.length));
    at += segment.length;
    return folded;
  });
}
