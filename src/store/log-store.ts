import { and, desc, eq } from 'drizzle-orm';

import { logCheckpoints, logEntries } from '../../db/schema.js';
import type { Database, Tx } from './database.js';

export type LogEntryRow = typeof logEntries.$inferSelect;
export type LogCheckpointRow = typeof logCheckpoints.$inferSelect;

/** The reads of the transparency log: entries by index or certificate, and checkpoints. */
export class LogStore {
  constructor(readonly db: Database) {}

  async entry(index: number): Promise<LogEntryRow | undefined> {
    const rows = await this.db.select().from(logEntries).where(eq(logEntries.index, index));
    return rows[0];
  }

  /** The entry that recorded the certificate's issuance; each certificate has at most one. */
  async issuanceEntry(certificateId: string): Promise<LogEntryRow | undefined> {
    const rows = await this.db
      .select()
      .from(logEntries)
      .where(
        and(eq(logEntries.certificateId, certificateId), eq(logEntries.kind, 'certificate.issued')),
      )
      .limit(1);
    return rows[0];
  }

  /** The checkpoint of the largest size, inside `tx` when given. */
  async latestCheckpoint(tx: Database | Tx = this.db): Promise<LogCheckpointRow | undefined> {
    const rows = await tx.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
    return rows[0];
  }

  async insertCheckpoint(tx: Tx, row: LogCheckpointRow): Promise<void> {
    await tx.insert(logCheckpoints).values(row);
  }
}
