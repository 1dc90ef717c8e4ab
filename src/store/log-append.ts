import { logEntries } from '../../db/schema.js';
import { appendLeaf } from '../translog/append.js';
import { encodeLogEntry, type LogEntry } from '../translog/log-entry.js';
import type { Tx } from './database.js';
import { lockLogHead, SqlTreeStore } from './sql-tree-store.js';

/**
 * Appends `entry` to the transparency log inside the caller's transaction and answers its leaf
 * index. The leaf commits with the change it describes or not at all, so the log never names a
 * certificate the registry does not hold, nor misses one it does.
 *
 * Call it last in the transaction: it locks the log head until commit, which orders concurrent
 * issuances, and the shorter that lock is held the less they wait for each other.
 */
export async function appendLogEntry(tx: Tx, entry: LogEntry): Promise<number> {
  const size = await lockLogHead(tx);
  const data = encodeLogEntry(entry);

  const index = await appendLeaf(new SqlTreeStore(tx, size), data);
  await tx.insert(logEntries).values({
    index,
    kind: entry.kind,
    certificateId: 'certificateId' in entry ? entry.certificateId : null,
    providerId: entry.providerId,
    data,
  });
  return index;
}
