import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/services/group-commit.js';

/** A commit whose transactions finish when the test says, recording each batch. */
function gatedCommit(outcome: (item: number) => number | Error = (n) => n * 10) {
  const batches: { items: number[]; finish: () => void; fail: (e: Error) => void }[] = [];
  const commit = (items: number[]) =>
    new Promise<(number | Error)[]>((resolve, reject) => {
      batches.push({ items, finish: () => resolve(items.map(outcome)), fail: reject });
    });
  return { batches, commit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('GroupCommit', () => {
  it('commits a lone item at once, and what arrives meanwhile together next', async () => {
    const { batches, commit } = gatedCommit();
    const group = new GroupCommit(commit);

    const one = group.submit(1);
    await settle();
    const rest = [group.submit(2), group.submit(3)];
    await settle();
    expect(batches.map((b) => b.items)).toEqual([[1]]);

    batches[0]?.finish();
    await settle();
    batches[1]?.finish();
    expect(await Promise.all([one, ...rest])).toEqual([10, 20, 30]);
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3]]);
  });

  it('rejects an item whose outcome is an error and resolves the others', async () => {
    const { batches, commit } = gatedCommit((n) => (n === 2 ? new Error('conflict') : n));
    const group = new GroupCommit(commit);

    const all = [1, 2, 3].map((n) => group.submit(n));
    await settle();
    batches[0]?.finish();
    const settled = await Promise.allSettled(all);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toHaveLength(1);
  });

  it('retries a batch that threw one item at a time', async () => {
    const { batches, commit } = gatedCommit();
    const group = new GroupCommit(commit);

    const all = [1, 2].map((n) => group.submit(n));
    await settle();
    batches[0]?.fail(new Error('deadlock'));
    await settle();
    batches[1]?.finish();
    await settle();
    batches[2]?.fail(new Error('still failing'));

    const settled = await Promise.allSettled(all);
    expect(batches.map((b) => b.items)).toEqual([[1, 2], [1], [2]]);
    expect(settled[0]).toEqual({ status: 'fulfilled', value: 10 });
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { message: 'still failing' } });
  });

  it('commits at most maxBatch items at a time', async () => {
    const { batches, commit } = gatedCommit();
    const group = new GroupCommit(commit, 2);

    const all = [1, 2, 3].map((n) => group.submit(n));
    for (let i = 0; i < 2; i++) {
      await settle();
      batches[i]?.finish();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30]);
    expect(batches.map((b) => b.items)).toEqual([[1, 2], [3]]);
  });
});
