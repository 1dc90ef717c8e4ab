/**
 * The hashing of RFC 9162 §2.1.1 with SHA-256. The one-byte prefixes keep a leaf from ever
 * hashing like an inner node, so no one can present two leaves' parent as a leaf (second
 * preimage across levels).
 *
 * SHA-256 comes from @noble/hashes: synchronous on Node and Workers alike, and for 65-byte inputs
 * far cheaper than an awaited WebCrypto digest per node.
 */

import { sha256 } from '@noble/hashes/sha2.js';

/** Length of every hash in the tree, in bytes. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** MTH({}) = HASH(): the root of the empty tree (RFC 9162 §2.1.1). */
export const EMPTY_TREE_HASH: Uint8Array = sha256(new Uint8Array(0));

/** MTH({d}) = HASH(0x00 || d): the hash of one leaf holding `data`. */
export function hashLeaf(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(input);
}

/** HASH(0x01 || left || right): the parent of two subtree roots. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/**
 * The root over perfect subtrees given left to right with strictly decreasing sizes, as
 * `subtreeRanges` lists them. MTH splits at the largest power of two below n (§2.1.1), so the
 * leftmost perfect subtree is always a left child and the rest hang off its right: the root is
 * the right fold h0 · (h1 · (h2 · …)).
 *
 * @throws RangeError on an empty list: the empty tree has {@link EMPTY_TREE_HASH} instead.
 */
export function foldSubtrees(hashes: readonly Uint8Array[]): Uint8Array {
  let root = hashes[hashes.length - 1];
  if (root === undefined) throw new RangeError('foldSubtrees: expected at least one hash');

  for (let i = hashes.length - 2; i >= 0; i--) {
    root = hashChildren(hashes[i] as Uint8Array, root);
  }
  return root;
}
