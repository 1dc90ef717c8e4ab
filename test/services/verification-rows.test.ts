import { describe, expect, it } from 'vitest';
import { VerificationRows } from '../../src/services/verification-rows.js';
import type { CertificateRow } from '../../src/store/registry-store.js';

/** A store of rows by id that records the ids of each read and can hold a read open. */
function fakeStore() {
  const rows = new Map<string, CertificateRow>();
  const reads: string[][] = [];
  let gate: Promise<void> | undefined;
  return {
    rows,
    reads,
    hold() {
      let open = () => {};
      gate = new Promise((resolve) => (open = resolve));
      return () => {
        gate = undefined;
        open();
      };
    },
    async certificatesById(ids: readonly string[]) {
      reads.push([...ids]);
      const found = new Map<string, CertificateRow>();
      for (const id of ids) {
        const row = rows.get(id);
        if (row) found.set(id, { ...row });
      }
      if (gate) await gate;
      return found;
    },
  };
}

function row(id: string, status = 'active'): CertificateRow {
  return { id, status, record: `{"id":"${id}"}` } as CertificateRow;
}

function setUp() {
  const store = fakeStore();
  let now = 0;
  const rows = new VerificationRows({
    store,
    ttlMs: 1_000,
    now: () => now,
    summarize: async () => undefined,
  });
  for (const id of ['a', 'b', 'c']) store.rows.set(id, row(id));
  return {
    store,
    rows,
    at: (ms: number) => {
      now = ms;
      return ms;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('VerificationRows', () => {
  it('reuses a row for under the TTL and reads it again at the TTL, so a change shows', async () => {
    const { store, rows, at } = setUp();

    expect((await rows.get('a', at(0)))?.row.status).toBe('active');
    store.rows.set('a', row('a', 'revoked'));
    expect((await rows.get('a', at(999)))?.row.status).toBe('active');
    expect((await rows.get('a', at(1_000)))?.row.status).toBe('revoked');
    expect(store.reads).toEqual([['a'], ['a']]);
  });

  it('refreshes a hot row past half its time along with another read', async () => {
    const { store, rows, at } = setUp();
    await rows.get('a', at(0));
    await rows.get('a', at(100));

    await rows.get('b', at(600));
    await settle();
    expect(store.reads).toEqual([['a'], ['b', 'a']]);

    // The refreshed copy was read at 600, so at 1 100 it is still fresh: no read of its own.
    store.rows.set('a', row('a', 'revoked'));
    expect((await rows.get('a', at(1_100)))?.row.status).toBe('active');
    expect((await rows.get('a', at(1_600)))?.row.status).toBe('revoked');
    expect(store.reads).toEqual([['a'], ['b', 'a'], ['a']]);
  });

  it('does not refresh rows no scan used again, nor rows still young', async () => {
    const { store, rows, at } = setUp();
    await rows.get('a', at(0));
    await rows.get('b', at(400));
    await rows.get('b', at(450));

    await rows.get('c', at(700));
    expect(store.reads).toEqual([['a'], ['b'], ['c']]);
  });

  it('keeps nothing from a read that overlapped a revocation here', async () => {
    const { store, rows, at } = setUp();
    await rows.get('a', at(0));
    await rows.get('a', at(100));

    const release = store.hold();
    const reading = rows.get('b', at(600));
    await settle();
    store.rows.set('a', row('a', 'revoked'));
    rows.forget('a');
    release();
    await reading;
    await settle();

    expect((await rows.get('a', at(700)))?.row.status).toBe('revoked');
  });

  it('answers undefined for an id without a row, and drops a refreshed row that is gone', async () => {
    const { store, rows, at } = setUp();
    expect(await rows.get('nope', at(0))).toBeUndefined();

    await rows.get('a', at(0));
    await rows.get('a', at(10));
    store.rows.delete('a');
    await rows.get('b', at(600));
    await settle();
    expect(rows.peek('a')).toBeUndefined();
  });
});

describe('VerificationRows under steady scanning', () => {
  it('settles into a few shared reads a second for rows scanned over and over', async () => {
    const store = fakeStore();
    let now = 0;
    const rows = new VerificationRows({
      store,
      ttlMs: 1_000,
      now: () => now,
      summarize: async () => undefined,
    });
    for (let i = 0; i < 100; i++) store.rows.set(`r${i}`, row(`r${i}`));

    // 100 rows, each scanned about every 300 ms with jitter, for 10 s.
    let next = 0;
    for (now = 0; now < 10_000; now += 3) {
      const id = `r${next++ % 100}`;
      expect((await rows.get(id, now))?.row.id).toBe(id);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }

    // The first pass reads each row alone; from then on, a read refreshes the hot rows at once.
    const afterFirstPass = store.reads.slice(100);
    expect(afterFirstPass.length).toBeGreaterThan(0);
    expect(afterFirstPass.length).toBeLessThanOrEqual(3 * 10);
    expect(Math.min(...afterFirstPass.map((r) => r.length))).toBeGreaterThan(10);
  });
});
