/**
 * A second Merkle tree, written straight from the recursive definitions of RFC 9162 §2.1 over a
 * plain list of leaves, with node:crypto for SHA-256. It shares no code with src/translog, so the
 * two agreeing means more than either passing its own tests.
 *
 * Subtree hashes are memoised by range, which keeps thousands of roots and proofs over a
 * 10,000-leaf list cheap while every hash is still computed from the leaves up.
 */

import { createHash } from 'node:crypto';

function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function splitPoint(n: number): number {
  let k = 1;
  while (k << 1 < n) k <<= 1;
  return k;
}

export class ReferenceTree {
  readonly #leaves: Uint8Array[] = [];
  readonly #memo = new Map<string, Uint8Array>();

  get size(): number {
    return this.#leaves.length;
  }

  push(data: Uint8Array): void {
    this.#leaves.push(data);
  }

  /** MTH(D[start:end]). */
  hash(start: number, end: number): Uint8Array {
    const key = `${start}:${end}`;
    const known = this.#memo.get(key);
    if (known) return known;

    let result: Uint8Array;
    if (end - start === 0) {
      result = sha256();
    } else if (end - start === 1) {
      result = sha256(Uint8Array.of(0), this.#leaves[start] as Uint8Array);
    } else {
      const k = splitPoint(end - start);
      result = sha256(Uint8Array.of(1), this.hash(start, start + k), this.hash(start + k, end));
    }

    this.#memo.set(key, result);
    return result;
  }

  root(size: number): Uint8Array {
    return this.hash(0, size);
  }

  leafHash(index: number): Uint8Array {
    return this.hash(index, index + 1);
  }

  /** PATH(m, D[start:end]). */
  path(m: number, start: number, end: number): Uint8Array[] {
    if (end - start <= 1) return [];

    const k = splitPoint(end - start);
    if (m < k) return [...this.path(m, start, start + k), this.hash(start + k, end)];
    return [...this.path(m - k, start + k, end), this.hash(start, start + k)];
  }

  /** PROOF(m, D[0:n]); the RFC defines it for 0 < m < n, and nothing is to prove for m = 0. */
  consistency(m: number, n: number): Uint8Array[] {
    return m === 0 ? [] : this.#subproof(m, 0, n, true);
  }

  /** SUBPROOF(m, D[start:end], b). */
  #subproof(m: number, start: number, end: number, b: boolean): Uint8Array[] {
    const n = end - start;
    if (m === n) return b ? [] : [this.hash(start, end)];

    const k = splitPoint(n);
    if (m <= k) return [...this.#subproof(m, start, start + k, b), this.hash(start + k, end)];
    return [...this.#subproof(m - k, start + k, end, false), this.hash(start, start + k)];
  }
}
