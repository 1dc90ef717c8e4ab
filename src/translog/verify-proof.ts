/**
 * Checking proofs as a monitor or verifier does, following the algorithms of RFC 9162 §2.1.3.2
 * and §2.1.4.2 step by step. Nothing here uses the generation code, so a bug there cannot hide
 * behind the same bug here.
 *
 * A proof that does not check out is a verdict with a code, not an exception: monitors report it.
 */

import { bytesEqual } from '../crypto/bytes.js';
import { EMPTY_TREE_HASH, HASH_SIZE, hashChildren } from './merkle.js';
import { isTreeSize } from './subtrees.js';

export type ProofFailureCode =
  // A size or index is not a usable integer, or they contradict each other.
  | 'input_invalid'
  // A root, leaf hash or proof element is not 32 bytes.
  | 'hash_length'
  // The proof has more or fewer elements than the sizes call for.
  | 'proof_length'
  // The proof is well-formed but leads to a different root.
  | 'root_mismatch';

export type ProofVerdict = { ok: true } | { ok: false; code: ProofFailureCode; message: string };

/** What an inclusion proof claims: leaf `index` of the tree of `size` leaves is `leafHash`. */
export interface InclusionClaim {
  leafHash: Uint8Array;
  index: number;
  size: number;
  root: Uint8Array;
  proof: readonly Uint8Array[];
}

/** What a consistency proof claims: the tree of `from` leaves is a prefix of the one of `to`. */
export interface ConsistencyClaim {
  from: number;
  to: number;
  fromRoot: Uint8Array;
  toRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

const OK: ProofVerdict = { ok: true };

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(claim: InclusionClaim): ProofVerdict {
  const { leafHash, index, size, root, proof } = claim;

  if (!isTreeSize(index) || !isTreeSize(size) || index >= size) {
    return fail(
      'input_invalid',
      `index and size: expected 0 ≤ index < size, got ${index}, ${size}`,
    );
  }
  const badLength = checkHashLengths({ leafHash, root }, proof);
  if (badLength) return badLength;

  let fn = index;
  let sn = size - 1;
  let r = leafHash;

  for (const p of proof) {
    if (sn === 0) return fail('proof_length', `proof: too long for leaf ${index} of ${size}`);

    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }

  if (sn !== 0) return fail('proof_length', `proof: too short for leaf ${index} of ${size}`);
  if (!bytesEqual(r, root)) return fail('root_mismatch', 'root: the proof leads to another root');
  return OK;
}

/**
 * RFC 9162 §2.1.4.2, which covers 0 < from < to. For the two cases the RFC leaves out, the proof
 * must be empty: from = to needs equal roots, and from = 0 needs the empty tree's root, because
 * the empty tree is a prefix of every tree.
 */
export function verifyConsistency(claim: ConsistencyClaim): ProofVerdict {
  const { from, to, fromRoot, toRoot, proof } = claim;

  if (!isTreeSize(from) || !isTreeSize(to) || from > to) {
    return fail('input_invalid', `from and to: expected 0 ≤ from ≤ to, got ${from}, ${to}`);
  }
  const badLength = checkHashLengths({ fromRoot, toRoot }, proof);
  if (badLength) return badLength;

  if (from === 0 || from === to) {
    if (proof.length > 0) return fail('proof_length', `proof: expected none from ${from} to ${to}`);

    const expected = from === 0 ? EMPTY_TREE_HASH : toRoot;
    if (!bytesEqual(fromRoot, expected)) return fail('root_mismatch', 'fromRoot: does not match');
    return OK;
  }
  if (proof.length === 0) return fail('proof_length', `proof: empty from ${from} to ${to}`);

  // Step 2: when the old tree is a perfect subtree of the new one, it is the proof's first node.
  const path = isPowerOfTwo(from) ? [fromRoot, ...proof] : proof;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];

  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('proof_length', `proof: too long from ${from} to ${to}`);

    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }

  if (sn !== 0) return fail('proof_length', `proof: too short from ${from} to ${to}`);
  if (!bytesEqual(fr, fromRoot))
    return fail('root_mismatch', 'fromRoot: the proof leads elsewhere');
  if (!bytesEqual(sr, toRoot)) return fail('root_mismatch', 'toRoot: the proof leads elsewhere');
  return OK;
}

function checkHashLengths(
  named: Record<string, Uint8Array>,
  proof: readonly Uint8Array[],
): ProofVerdict | null {
  for (const [field, hash] of Object.entries(named)) {
    if (hash.length !== HASH_SIZE) {
      return fail('hash_length', `${field}: expected ${HASH_SIZE} bytes, got ${hash.length}`);
    }
  }

  const at = proof.findIndex((hash) => hash.length !== HASH_SIZE);
  if (at < 0) return null;
  return fail('hash_length', `proof[${at}]: expected ${HASH_SIZE} bytes`);
}

/** Right shift by one without 32-bit bitwise operators, so sizes up to 2^53 stay exact. */
function half(n: number): number {
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function fail(code: ProofFailureCode, message: string): ProofVerdict {
  return { ok: false, code, message };
}
