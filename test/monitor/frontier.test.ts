import { describe, expect, it } from 'vitest';
import {
  EMPTY_FRONTIER,
  extendFrontier,
  frontierRoot,
  isWellFormed,
} from '../../src/monitor/frontier.js';
import { hashLeaf } from '../../src/translog/merkle.js';
import { ReferenceTree } from '../translog/reference-merkle.js';

const leaf = (i: number) => new TextEncoder().encode(`entry ${i}`);

describe('the monitor frontier', () => {
  it('gives the reference root at every size from 0 to 300, one leaf at a time', () => {
    const reference = new ReferenceTree();
    let frontier = EMPTY_FRONTIER;

    for (let size = 0; size <= 300; size++) {
      expect(frontierRoot(frontier), `size ${size}`).toEqual(reference.root(size));
      expect(isWellFormed(frontier)).toBe(true);
      reference.push(leaf(size));
      frontier = extendFrontier(frontier, [hashLeaf(leaf(size))]);
    }
  });

  it('gives the same root however the leaves are split between runs', () => {
    const reference = new ReferenceTree();
    const hashes = Array.from({ length: 1000 }, (_, i) => {
      reference.push(leaf(i));
      return hashLeaf(leaf(i));
    });

    for (const cut of [1, 2, 3, 511, 512, 513, 999]) {
      const first = extendFrontier(EMPTY_FRONTIER, hashes.slice(0, cut));
      const second = extendFrontier(first, hashes.slice(cut));
      expect(frontierRoot(second), `cut at ${cut}`).toEqual(reference.root(1000));
    }
  });

  it('tells a frontier that does not fit its size', () => {
    const frontier = extendFrontier(EMPTY_FRONTIER, [hashLeaf(leaf(0)), hashLeaf(leaf(1))]);

    expect(isWellFormed(frontier)).toBe(true);
    expect(isWellFormed({ ...frontier, size: 3 })).toBe(false);
    expect(isWellFormed({ size: 2, hashes: [new Uint8Array(31)] })).toBe(false);
  });
});
