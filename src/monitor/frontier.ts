/**
 * The right edge of a Merkle tree: the roots of the perfect subtrees that make up its first
 * `size` leaves, largest first, one per set bit of `size`. It is all a monitor must keep to go
 * on hashing new leaves and get the new root, without the old leaves and without any proof.
 * That recomputation is the monitor's second, independent check of what the log signed.
 */

import { EMPTY_TREE_HASH, hashChildren } from '../translog/merkle.js';

export interface Frontier {
  size: number;
  /** One hash per set bit of `size`, from the highest bit down. */
  hashes: Uint8Array[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, hashes: [] };

/** The frontier after appending leaves with these leaf hashes. */
export function extendFrontier(frontier: Frontier, leafHashes: readonly Uint8Array[]): Frontier {
  const hashes = [...frontier.hashes];
  let size = frontier.size;

  for (const leafHash of leafHashes) {
    // Each trailing 1 bit of the old size is a subtree the new leaf completes a parent with.
    let node = leafHash;
    for (let bits = size; bits % 2 === 1; bits = Math.floor(bits / 2)) {
      node = hashChildren(hashes.pop() as Uint8Array, node);
    }
    hashes.push(node);
    size += 1;
  }
  return { size, hashes };
}

/** MTH of the tree: the subtrees folded from the right (RFC 9162 §2.1.1); the empty hash at 0. */
export function frontierRoot(frontier: Frontier): Uint8Array {
  let root = frontier.hashes.at(-1);
  if (root === undefined) return EMPTY_TREE_HASH.slice();

  for (let i = frontier.hashes.length - 2; i >= 0; i--) {
    root = hashChildren(frontier.hashes[i] as Uint8Array, root);
  }
  return root;
}

/** Whether the frontier has the one hash per set bit of its size that it must have. */
export function isWellFormed(frontier: Frontier): boolean {
  let bits = 0;
  for (let n = frontier.size; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits === frontier.hashes.length && frontier.hashes.every((hash) => hash.length === 32);
}
