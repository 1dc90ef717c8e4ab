/**
 * Which stored subtrees a root or a proof is made of, worked out from sizes alone.
 *
 * Every subtree that RFC 9162 §2.1.1 hashes as MTH(D[a:b]) starts at a multiple of a power of two
 * at least b − a, so it splits into at most log2(n) perfect, aligned subtrees. Those are exactly
 * the nodes a store keeps (see tree-store.ts), which turns each proof element into one read, or
 * a few reads and hashes for the single imperfect sibling on the right edge of the tree.
 */

/**
 * A perfect subtree: the 2^level leaves from index · 2^level up to (index + 1) · 2^level − 1.
 * Level 0 is a single leaf, whose node hash is the leaf hash.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** One hash of a root or a proof: the right fold of these perfect subtrees (merkle.ts). */
export type Segment = readonly NodeId[];

/** A tree size or index this module accepts: a non-negative integer exact as a JS number. */
export function isTreeSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The k of RFC 9162 §2.1.1: the largest power of two smaller than n, for n > 1. */
function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees covering `count` leaves from `start`, left to right, largest first.
 *
 * @throws RangeError when the range is not one MTH ever hashes (its start is not aligned).
 */
export function subtreesOfRange(start: number, count: number): NodeId[] {
  let width = 1;
  let level = 0;
  while (width * 2 <= count) {
    width *= 2;
    level++;
  }

  const nodes: NodeId[] = [];
  let at = start;
  let left = count;
  for (; left > 0; width /= 2, level--) {
    if (left < width) continue;
    if (at % width !== 0) {
      throw new RangeError(
        `leaves [${start}, ${start + count}) do not split into aligned subtrees`,
      );
    }

    nodes.push({ level, index: at / width });
    at += width;
    left -= width;
  }
  return nodes;
}

/** The subtrees whose right fold is MTH(D[0:size]); empty for the empty tree. */
export function rootPlan(size: number): Segment {
  return subtreesOfRange(0, size);
}

/**
 * PATH(index, D[0:size]) of RFC 9162 §2.1.3.1, walked from the root down: at each split the
 * sibling of the half holding the leaf joins the path. The RFC lists the deepest sibling first.
 * Expects 0 ≤ index < size.
 */
export function inclusionPlan(index: number, size: number): Segment[] {
  const siblings: Segment[] = [];
  let start = 0;
  let end = size;

  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (index < start + k) {
      siblings.push(subtreesOfRange(start + k, end - start - k));
      end = start + k;
    } else {
      siblings.push(subtreesOfRange(start, k));
      start += k;
    }
  }
  return siblings.reverse();
}

/**
 * PROOF(from, D[0:to]) = SUBPROOF(from, D[0:to], true) of RFC 9162 §2.1.4.1, walked from the
 * root down. `known` is the RFC's flag b: it stays true while the walk has only gone left, so the
 * subtree it ends on is the old tree itself, whose root the verifier holds and need not be sent.
 *
 * For from = 0 and from = to the proof is empty: the RFC defines proofs only for 0 < m < n, and
 * nothing needs proving otherwise (verify-proof.ts checks those cases directly).
 */
export function consistencyPlan(from: number, to: number): Segment[] {
  if (from === 0 || from === to) return [];

  const path: Segment[] = [];
  let start = 0;
  let end = to;
  let known = true;

  while (from !== end) {
    const k = largestPowerOfTwoBelow(end - start);
    if (from <= start + k) {
      path.push(subtreesOfRange(start + k, end - start - k));
      end = start + k;
    } else {
      path.push(subtreesOfRange(start, k));
      start += k;
      known = false;
    }
  }

  if (!known) path.push(subtreesOfRange(start, end - start));
  return path.reverse();
}
