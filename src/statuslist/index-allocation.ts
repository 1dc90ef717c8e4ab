import type { RandomBytes } from '../runtime/random.js';
import { STATUS_LIST_MAX_SIZE, STATUS_LIST_MIN_SIZE } from './status-list.js';

/** Draws at one list size before doubling it: at half full, 8 misses in a row is 1 in 256. */
const DRAWS_PER_SIZE = 8;

/**
 * A status list index for a new certificate, drawn uniformly at random from the provider's
 * list and retried while taken (`tryIndex` answers false). Random rather than sequential: an
 * index then says nothing about when a certificate was issued or how many came before it, and
 * neighbouring indexes are unrelated certificates. The list doubles only once draws keep
 * hitting taken indexes, i.e. when it is about half full.
 */
export async function allocateStatusIndex(
  random: RandomBytes,
  tryIndex: (index: number) => Promise<boolean>,
): Promise<number> {
  for (let size = STATUS_LIST_MIN_SIZE; size <= STATUS_LIST_MAX_SIZE; size *= 2) {
    for (let draw = 0; draw < DRAWS_PER_SIZE; draw++) {
      const index = drawBelow(random, size);
      if (await tryIndex(index)) return index;
    }
  }
  throw new Error('no free status list index: the provider holds 2^24 certificates');
}

/** Uniform in [0, size) for a power of two `size`: 32 random bits, masked. */
function drawBelow(random: RandomBytes, size: number): number {
  const [a = 0, b = 0, c = 0, d = 0] = random(4);
  return (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) & (size - 1);
}
