import { setImmediate as nextTurn } from 'node:timers/promises';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logCheckpoints } from '../../db/schema.js';
import { captureLogger } from '../../src/logging/logger.js';
import { CheckpointService, logOrigin } from '../../src/services/log-checkpoints.js';
import { LogStore } from '../../src/store/log-store.js';
import { verifyConsistency } from '../../src/translog/verify-proof.js';
import { ALMATY, PUBLIC_URL, startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { trusteeshipRequest } from '../support/requests.js';
import { issue } from './client.js';
import { getText, readSignedCheckpoint, referenceTree } from './log-client.js';

const ISSUANCES = 40;
const ISSUERS = 8;
const SIGNERS = 3;
const POLLERS = 2;

describe.each(databaseTargets)('checkpoints while certificates are issued on $name', (target) => {
  let registry: TestRegistry;
  /** What each signer and each poller saw, in the order it saw it. */
  const seen: { size: number; note: string }[][] = [];

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    const key = await getText(registry, '/api/v1/log/key');

    let issuing = true;
    let next = 0;
    const issuer = async () => {
      while (next < ISSUANCES) {
        next += 1;
        await (next % 2 ? issue(registry) : issue(registry, trusteeshipRequest(), ALMATY));
      }
    };

    // Other instances of the registry: each signs whenever the tree has grown at all.
    const signer = async (saw: { size: number; note: string }[]) => {
      const checkpoints = new CheckpointService({
        db: registry.database.db,
        logStore: new LogStore(registry.database.db),
        key: registry.logKey,
        origin: logOrigin(PUBLIC_URL),
        clock: registry.clock,
        logger: captureLogger(),
        minIntervalMs: 0,
      });
      while (issuing) {
        const { size, note } = await checkpoints.latest();
        saw.push({ size, note });
        // Another instance is another process; here it shares this event loop, and on PGlite a
        // query needs no I/O, so a loop that never yields a turn would starve everything else.
        await nextTurn();
      }
    };

    // Monitors polling the endpoint, with the clock moving past the one-second policy.
    const poller = async (saw: { size: number; note: string }[]) => {
      while (issuing) {
        registry.clock.advance?.(1_000);
        const note = await getText(registry, '/api/v1/log/checkpoint');
        saw.push({ size: readSignedCheckpoint(note, key).size, note });
        await nextTurn();
      }
    };

    for (let i = 0; i < SIGNERS + POLLERS; i++) seen.push([]);
    const watchers = seen.map((saw, i) => (i < SIGNERS ? signer(saw) : poller(saw)));
    await Promise.all(Array.from({ length: ISSUERS }, issuer));
    issuing = false;
    await Promise.all(watchers);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('signed many checkpoints while issuing', () => {
    const sizes = new Set(seen.flat().map(({ size }) => size));
    expect(sizes.size).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBe(2 + ISSUANCES);
  });

  it('never showed anyone a smaller size than they had seen', () => {
    for (const saw of seen) {
      const sizes = saw.map(({ size }) => size);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    }
  });

  it('never signed two different checkpoints for one size', async () => {
    const notes = new Map<number, Set<string>>();
    for (const { size, note } of seen.flat())
      notes.set(size, (notes.get(size) ?? new Set()).add(note));
    const rows = await registry.database.db.select().from(logCheckpoints);

    for (const [size, texts] of notes) expect(texts.size, `size ${size}`).toBe(1);
    for (const row of rows)
      expect(notes.get(row.size) ?? new Set([row.note])).toEqual(new Set([row.note]));
    expect(new Set(rows.map((row) => row.size)).size).toBe(rows.length);
  });

  it('signed only true roots, each consistent with the one before', async () => {
    const rows = await registry.database.db
      .select()
      .from(logCheckpoints)
      .orderBy(asc(logCheckpoints.size));
    const { tree } = await referenceTree(registry, rows.at(-1)?.size ?? 0);

    for (const [i, row] of rows.entries()) {
      expect(row.root, `size ${row.size}`).toEqual(new Uint8Array(tree.root(row.size)));
      const previous = rows[i - 1];
      if (!previous) continue;

      const claim = {
        from: previous.size,
        to: row.size,
        fromRoot: previous.root,
        toRoot: row.root,
        proof: tree.consistency(previous.size, row.size),
      };
      expect(verifyConsistency(claim), `${previous.size} → ${row.size}`).toEqual({ ok: true });
    }
  });
});
