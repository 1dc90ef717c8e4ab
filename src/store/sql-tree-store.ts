/**
 * The log's tree in the registry database: `log_nodes` and `log_head` exactly as tree-store.ts
 * lays them out. Over a transaction it is the write side of an append; over the database it is
 * the read side that roots and proofs need.
 */

import { and, eq, sql } from 'drizzle-orm';

import { logHead, logNodes } from '../../db/schema.js';
import { TranslogError } from '../translog/errors.js';
import type { NodeId } from '../translog/subtrees.js';
import type { StoredNode, TreeStore } from '../translog/tree-store.js';
import type { Database, Tx } from './database.js';

/** Rows per INSERT: three parameters a row keeps this far below PostgreSQL's 65,535. */
const INSERT_CHUNK = 5_000;

export class SqlTreeStore implements TreeStore {
  /**
   * @param knownSize the size read while locking the head, so an append does not read it twice;
   *   or a fixed size (a checkpoint's) that proofs are asked against.
   */
  constructor(
    private readonly db: Database | Tx,
    private readonly knownSize?: number,
  ) {}

  async size(): Promise<number> {
    if (this.knownSize !== undefined) return this.knownSize;
    return readHeadSize(this.db);
  }

  /** One query for all nodes, whatever their number (a proof needs about 2 · log2 n). */
  async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    if (ids.length === 0) return [];

    const wanted = sql.join(
      ids.map(({ level, index }) => sql`(${level}::smallint, ${index}::bigint)`),
      sql`, `,
    );
    const rows = await this.db
      .select()
      .from(logNodes)
      .where(sql`(${logNodes.level}, ${logNodes.index}) in (${wanted})`);

    const byId = new Map(rows.map((row) => [`${row.level}:${row.index}`, row.hash]));
    return ids.map(({ level, index }) => {
      const hash = byId.get(`${level}:${index}`);
      if (!hash) throw new TranslogError('node_missing', `node (${level}, ${index}) is not stored`);
      return hash;
    });
  }

  /**
   * Inserts the nodes and moves the head from `from` to `to`. The caller holds the head row's
   * lock (lockLogHead), so the compare on `from` only fails if that contract was broken.
   */
  async commit(from: number, to: number, nodes: readonly StoredNode[]): Promise<void> {
    const moved = await this.db
      .update(logHead)
      .set({ size: to })
      .where(and(eq(logHead.id, 1), eq(logHead.size, from)))
      .returning({ size: logHead.size });
    if (moved.length === 0) {
      throw new TranslogError('append_conflict', `log head is no longer at size ${from}`);
    }

    for (let start = 0; start < nodes.length; start += INSERT_CHUNK) {
      const chunk = nodes.slice(start, start + INSERT_CHUNK);
      await this.db
        .insert(logNodes)
        .values(chunk.map(({ level, index, hash }) => ({ level, index, hash })));
    }
  }
}

/**
 * Locks the head row until `tx` ends and answers the tree size. Every append and every checkpoint
 * takes this lock, so appends happen in one total order and a checkpoint sees a settled tree.
 */
export async function lockLogHead(tx: Tx): Promise<number> {
  const rows = await tx
    .select({ size: logHead.size })
    .from(logHead)
    .where(eq(logHead.id, 1))
    .for('update');
  return headSize(rows);
}

/** The committed tree size, without locking. */
export async function readHeadSize(db: Database | Tx): Promise<number> {
  return headSize(await db.select({ size: logHead.size }).from(logHead).where(eq(logHead.id, 1)));
}

function headSize(rows: { size: number }[]): number {
  const size = rows[0]?.size;
  if (size === undefined) throw new TranslogError('node_missing', 'the log head row is missing');
  return size;
}
