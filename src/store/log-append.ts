import { type SQL, sql } from 'drizzle-orm';

import { logEntries, logHead, logNodes } from '../../db/schema.js';
import { appendLeaves } from '../translog/append.js';
import { TranslogError } from '../translog/errors.js';
import { encodeLogEntry, type LogEntry } from '../translog/log-entry.js';
import type { NodeId } from '../translog/subtrees.js';
import type { StoredNode, TreeStore } from '../translog/tree-store.js';
import type { Tx } from './database.js';
import { lockLogHead, SqlTreeStore } from './sql-tree-store.js';

/**
 * Appends `entry` to the transparency log inside the caller's transaction and answers its leaf
 * index. The leaf commits with the change it describes or not at all, so the log never names a
 * certificate the registry does not hold, nor misses one it does.
 *
 * Call it last in the transaction: it locks the log head until commit, which orders concurrent
 * issuances, and the shorter that lock is held the less they wait for each other. So it costs
 * two statements, three when the new leaf completes a subtree (every other append): lock the
 * head; read the edge nodes the leaf pairs with; move the head and insert nodes and entry at once.
 */
export async function appendLogEntry(tx: Tx, entry: LogEntry): Promise<number> {
  return appendLogEntries(tx, [entry]);
}

/**
 * Appends `entries` in order, as appendLogEntry does one, and answers the first one's index.
 * `alongside` are data-modifying CTEs (`name as (insert …)`) that run in the same final
 * statement: the issuance batch writes its certificates and events there, so a batch costs the
 * same few statements whatever its size.
 */
export async function appendLogEntries(
  tx: Tx,
  entries: readonly LogEntry[],
  alongside: readonly SQL[] = [],
): Promise<number> {
  const data = entries.map(encodeLogEntry);
  const size = await lockLogHead(tx);

  const store = new EntryAppendStore(tx, size, alongside, (index) =>
    entries.map(
      (entry, i): EntryValues => [
        index + i,
        entry.kind,
        'certificateId' in entry ? entry.certificateId : null,
        entry.providerId,
        data[i] as Uint8Array,
      ],
    ),
  );
  const { from } = await appendLeaves(store, data);
  return from;
}

type EntryValues = [number, string, string | null, string, Uint8Array];

/**
 * The write side of one append: reads as SqlTreeStore does, and commits the head, the nodes and
 * the entry rows in one statement. The edge is read after the lock, in a statement of its own:
 * under READ COMMITTED only a statement started after the lock was granted sees the nodes of the
 * append that held it before.
 */
class EntryAppendStore implements TreeStore {
  readonly #reader: SqlTreeStore;

  constructor(
    private readonly tx: Tx,
    locked: number,
    private readonly alongside: readonly SQL[],
    private readonly entriesAt: (index: number) => EntryValues[],
  ) {
    this.#reader = new SqlTreeStore(tx, locked);
  }

  size(): Promise<number> {
    return this.#reader.size();
  }

  readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    return this.#reader.readNodes(ids);
  }

  async commit(from: number, to: number, nodes: readonly StoredNode[]): Promise<void> {
    const values = sql.join(
      nodes.map((n) => sql`(${n.level}::smallint, ${n.index}::bigint, ${n.hash}::bytea)`),
      sql`, `,
    );
    const rows = sql.join(
      this.entriesAt(from).map(
        ([index, kind, certificateId, providerId, data]) =>
          sql`(${index}::bigint, ${kind}, ${certificateId}, ${providerId}, ${data}::bytea)`,
      ),
      sql`, `,
    );
    const more = this.alongside.map((cte) => sql`, ${cte}`);

    const steps: SQL = sql`
      with moved as (
        update ${logHead} set size = ${to} where id = 1 and size = ${from} returning size
      ), tree as (
        insert into ${logNodes} (level, index, hash)
        select v.level, v.index, v.hash from (values ${values}) as v(level, index, hash)
        where exists (select 1 from moved)
      ), entry as (
        insert into ${logEntries} (index, kind, certificate_id, provider_id, data)
        select e.index, e.kind, e.certificate_id, e.provider_id, e.data
        from (values ${rows}) as e(index, kind, certificate_id, provider_id, data)
        where exists (select 1 from moved)
      )${sql.join(more, sql``)}
      select size from moved
    `;
    if (rowsOf(await this.tx.execute(steps)).length === 0) {
      throw new TranslogError('append_conflict', `log head is no longer at size ${from}`);
    }
  }
}

/** postgres-js answers an array of rows, PGlite an object holding them. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows?: unknown[] }).rows ?? [];
}
