import { describe, expect, it } from 'vitest';
import { secureRandom } from '../../src/runtime/random.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('secureRandom', () => {
  it('gives exactly the bytes asked for, small and large', () => {
    for (const length of [0, 1, 8, 16, 32, 64, 65, 1_000, 65_536]) {
      expect(secureRandom(length)).toHaveLength(length);
    }
  });

  it('never hands out the same bytes twice across pool refills', () => {
    const seen = new Set<string>();
    // 16-byte draws, enough to empty the 4 KiB pool a few times over.
    for (let i = 0; i < 2_000; i++) seen.add(hex(secureRandom(16)));
    expect(seen.size).toBe(2_000);
  });

  it('returns a copy: changing it changes nothing later draws give', () => {
    const first = secureRandom(32);
    first.fill(0);
    const second = secureRandom(32);
    expect(hex(second)).not.toBe('00'.repeat(32));
    expect(second.buffer).not.toBe(first.buffer);
  });

  it('looks uniform: every byte value shows up, none far more often than the rest', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_000; i++)
      for (const b of secureRandom(16)) counts[b] = (counts[b] ?? 0) + 1;
    // 32 000 bytes: 125 per value expected; a fair source stays well inside these bounds.
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(200);
  });
});
