import { describe, expect, it } from 'vitest';
import { BatchedLookup } from '../../src/store/batched-lookup.js';

/** A reader whose reads finish when the test says, recording the keys of each. */
function gatedReader(values: Record<string, number>) {
  const reads: { keys: string[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const readMany = (keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      const found = new Map(keys.filter((k) => k in values).map((k) => [k, values[k] ?? 0]));
      reads.push({ keys, finish: () => resolve(found), fail: reject });
    });
  return { reads, readMany };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BatchedLookup', () => {
  it('reads a lone key at once, in a query of its own', async () => {
    const { reads, readMany } = gatedReader({ a: 1 });
    const lookup = new BatchedLookup(readMany);

    const a = lookup.get('a');
    await settle();
    expect(reads.map((r) => r.keys)).toEqual([['a']]);
    reads[0]?.finish();
    expect(await a).toBe(1);
  });

  it('reads the keys asked for during a read together in the next query', async () => {
    const { reads, readMany } = gatedReader({ a: 1, b: 2, c: 3 });
    const lookup = new BatchedLookup(readMany);

    const a = lookup.get('a');
    await settle();
    const b = lookup.get('b');
    const c = lookup.get('c');
    const b2 = lookup.get('b');
    await settle();
    expect(reads.map((r) => r.keys)).toEqual([['a']]);

    reads[0]?.finish();
    await settle();
    expect(reads.map((r) => r.keys)).toEqual([['a'], ['b', 'c']]);
    reads[1]?.finish();
    expect(await Promise.all([a, b, c, b2])).toEqual([1, 2, 3, 2]);
  });

  it('never answers a key from a read that started before it was asked for', async () => {
    const { reads, readMany } = gatedReader({ a: 1 });
    const lookup = new BatchedLookup(readMany);

    const first = lookup.get('a');
    await settle();
    const second = lookup.get('a');
    reads[0]?.finish();
    expect(await first).toBe(1);
    await settle();
    expect(reads).toHaveLength(2);
    reads[1]?.finish();
    expect(await second).toBe(1);
  });

  it('answers undefined for a key without a row', async () => {
    const { reads, readMany } = gatedReader({});
    const lookup = new BatchedLookup(readMany);

    const missing = lookup.get('nope');
    await settle();
    reads[0]?.finish();
    expect(await missing).toBeUndefined();
  });

  it('rejects the waiters of a failed read only, and reads the next batch', async () => {
    const { reads, readMany } = gatedReader({ a: 1, b: 2 });
    const lookup = new BatchedLookup(readMany);

    const a = lookup.get('a');
    await settle();
    const b = lookup.get('b');
    reads[0]?.fail(new Error('connection reset'));
    await expect(a).rejects.toThrow('connection reset');
    await settle();
    reads[1]?.finish();
    expect(await b).toBe(2);
  });

  it('splits a long queue into queries of at most maxBatch keys', async () => {
    const { reads, readMany } = gatedReader({ a: 1, b: 2, c: 3, d: 4, e: 5 });
    const lookup = new BatchedLookup(readMany, { maxBatch: 2 });

    const all = ['a', 'b', 'c', 'd', 'e'].map((k) => lookup.get(k));
    for (let i = 0; i < 3; i++) {
      await settle();
      reads[i]?.finish();
    }
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5]);
    expect(reads.map((r) => r.keys)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
});

describe('BatchedLookup prefetch', () => {
  it('takes prefetched keys along in a batch with room and hands over the whole answer', async () => {
    const { reads, readMany } = gatedReader({ a: 1, b: 2, c: 3 });
    const received: Map<string, number>[] = [];
    const lookup = new BatchedLookup(readMany, {
      maxBatch: 2,
      prefetch: (room) => ({
        keys: ['a', 'b', 'c'].slice(0, room + 1),
        received: (f) => received.push(f),
      }),
    });

    const a = lookup.get('a');
    await settle();
    // 'a' is asked for already; one place is left, which 'b' takes.
    expect(reads.map((r) => r.keys)).toEqual([['a', 'b']]);
    reads[0]?.finish();
    expect(await a).toBe(1);
    expect(received.map((f) => [...f.keys()])).toEqual([['a', 'b']]);
  });

  it('asks for no prefetch when the waiting keys fill the batch', async () => {
    const { reads, readMany } = gatedReader({ a: 1, b: 2 });
    let asked = 0;
    const lookup = new BatchedLookup(readMany, {
      maxBatch: 2,
      prefetch: () => {
        asked += 1;
        return undefined;
      },
    });

    const both = [lookup.get('a'), lookup.get('b')];
    await settle();
    reads[0]?.finish();
    expect(await Promise.all(both)).toEqual([1, 2]);
    expect(asked).toBe(0);
  });
});
