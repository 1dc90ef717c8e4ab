/**
 * Transparency log figures for `npm run bench`: what one append costs inside its transaction,
 * and what an inclusion proof costs as the log grows. Proofs are measured on the SQL store (the
 * registry's own tables, PGlite) up to 10^5 leaves and in memory up to 10^6, where building the
 * tree in a database would take the benchmark minutes; node reads per proof are the same in both.
 */

import type { DatabaseHandle } from '../src/store/database.js';
import { appendLogEntry } from '../src/store/log-append.js';
import { openDatabase } from '../src/store/open-node.js';
import { lockLogHead, SqlTreeStore } from '../src/store/sql-tree-store.js';
import { appendLeaves } from '../src/translog/append.js';
import { certificateIssuedEntry, encodeLogEntry } from '../src/translog/log-entry.js';
import { MemoryTreeStore } from '../src/translog/memory-tree-store.js';
import { inclusionProof } from '../src/translog/proofs.js';
import type { NodeId } from '../src/translog/subtrees.js';
import type { TreeReader, TreeStore } from '../src/translog/tree-store.js';
import { fmt } from './stats.js';

const APPENDS = Number(process.env.BENCH_LOG_APPENDS ?? 2000);

/** Counts the node hashes a proof reads, to show the logarithmic growth. */
class CountingReader implements TreeReader {
  reads = 0;
  constructor(private readonly inner: TreeReader) {}
  size() {
    return this.inner.size();
  }
  readNodes(ids: readonly NodeId[]) {
    this.reads += ids.length;
    return this.inner.readNodes(ids);
  }
}

/** The log lines of the benchmark; `server` opens a fresh database on PostgreSQL, if any. */
export async function transparencyLogFigures(
  server: () => Promise<DatabaseHandle | undefined>,
): Promise<string[]> {
  const lines = ['transparency log: on in every issuance above (leaf appended in its transaction)'];

  const embedded = await openDatabase({});
  lines.push(`log append alone, PGlite, sequential: ${fmt(await appendRate(embedded, 1))} /s`);
  await embedded.close();
  const onServer = await server();
  if (onServer) {
    const rate = await appendRate(onServer, 16);
    lines.push(`log append alone, PostgreSQL server, 16 in flight: ${fmt(rate)} /s`);
    await onServer.close();
  }

  lines.push('inclusion proof: size, store, µs/proof, node hashes read per proof (avg, max)');
  const sql = await openDatabase({});
  for (const size of [10_000, 100_000]) {
    await growSql(sql, size);
    lines.push(await proofCost(size, 'SQL (PGlite)', new SqlTreeStore(sql.db), 500));
  }
  await sql.close();

  const memory = new MemoryTreeStore();
  for (const size of [10_000, 100_000, 1_000_000]) {
    await grow(memory, size, 10_000);
    lines.push(await proofCost(size, 'memory', memory, 20_000));
  }
  return lines;
}

/** Appends per second, each in its own transaction with the head locked, as issuance does. */
async function appendRate(database: DatabaseHandle, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < APPENDS) {
      const i = next++;
      await database.db.transaction((tx) => appendLogEntry(tx, entry(i)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return APPENDS / ((performance.now() - started) / 1000);
}

async function proofCost(size: number, store: string, tree: TreeReader, proofs: number) {
  const reader = new CountingReader(tree);
  let most = 0;
  const started = performance.now();
  for (let i = 0; i < proofs; i++) {
    const before = reader.reads;
    await inclusionProof(reader, Math.floor(Math.random() * size), size);
    most = Math.max(most, reader.reads - before);
  }
  const micros = ((performance.now() - started) * 1000) / proofs;
  const average = reader.reads / proofs;
  return `  ${fmt(size, 0)}, ${store}: ${fmt(micros)} µs, ${fmt(average)}, ${most} (log2 ${fmt(Math.log2(size))})`;
}

/** Grows the SQL tree to `size` leaves, a thousand leaves per transaction. */
async function growSql(database: DatabaseHandle, size: number): Promise<void> {
  for (;;) {
    const done = await database.db.transaction(async (tx) => {
      const from = await lockLogHead(tx);
      if (from >= size) return true;
      await grow(new SqlTreeStore(tx, from), Math.min(size, from + 1000), 1000);
      return false;
    });
    if (done) return;
  }
}

async function grow(store: TreeStore, size: number, batch: number): Promise<void> {
  for (let at = await store.size(); at < size; at += batch) {
    const count = Math.min(batch, size - at);
    await appendLeaves(
      store,
      Array.from({ length: count }, (_, j) => encodeLogEntry(entry(at + j))),
    );
  }
}

/** An issuance entry as the registry writes one, with made-up ids. */
function entry(i: number) {
  return certificateIssuedEntry({
    at: new Date(Date.UTC(2026, 11, 3) + i),
    providerId: 'prv_bench',
    certificateId: `crt_${String(i).padStart(26, '0')}`,
    recordDigest: i.toString(16).padStart(64, '0'),
    kid: 'bench-kid',
  });
}
