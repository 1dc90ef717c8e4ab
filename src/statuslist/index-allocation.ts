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

/**
 * Status list indexes for `count` new certificates of one provider, drawn as
 * allocateStatusIndex draws one, with one look-up a round for the whole batch: `taken` answers
 * which candidates other certificates hold. Two certificates of the batch never share one.
 */
export async function allocateStatusIndexes(
  random: RandomBytes,
  count: number,
  taken: (candidates: number[]) => Promise<Set<number>>,
): Promise<number[]> {
  const indexes: number[] = new Array(count);
  const chosen = new Set<number>();
  let pending = Array.from({ length: count }, (_, i) => ({ i, misses: 0 }));

  while (pending.length > 0) {
    const draws = pending.map(({ misses }) => {
      const size = STATUS_LIST_MIN_SIZE * 2 ** Math.floor(misses / DRAWS_PER_SIZE);
      if (size > STATUS_LIST_MAX_SIZE) {
        throw new Error('no free status list index: the provider holds 2^24 certificates');
      }
      return drawBelow(random, size);
    });
    const inUse = await taken([...new Set(draws)]);

    const missed: typeof pending = [];
    pending.forEach((item, n) => {
      const index = draws[n] as number;
      if (inUse.has(index) || chosen.has(index)) {
        missed.push({ i: item.i, misses: item.misses + 1 });
        return;
      }
      chosen.add(index);
      indexes[item.i] = index;
    });
    pending = missed;
  }
  return indexes;
}

/** Uniform in [0, size) for a power of two `size`: 32 random bits, masked. */
function drawBelow(random: RandomBytes, size: number): number {
  const [a = 0, b = 0, c = 0, d = 0] = random(4);
  return (((a << 24) | (b << 16) | (c << 8) | d) >>> 0) & (size - 1);
}
