import { and, eq, inArray, placeholder, type SQL, sql } from 'drizzle-orm';
import {
  certificates,
  events as eventsTable,
  officers,
  providerKeys,
  providers,
  serialCounters,
} from '../../db/schema.js';
import type { Database, Tx } from './database.js';
import { REVOCABLE } from './suspension-store.js';

export type ProviderRow = typeof providers.$inferSelect;
export type ProviderKeyRow = typeof providerKeys.$inferSelect;
export type OfficerRow = typeof officers.$inferSelect;
export type CertificateRow = typeof certificates.$inferSelect;
export type NewCertificateRow = typeof certificates.$inferInsert;

export interface EventInput {
  at: Date;
  kind: string;
  actor: string;
  providerId?: string | null;
  certificateId?: string | null;
  requestId?: string | null;
  /** Ids and codes only. */
  data?: Record<string, unknown>;
}

/**
 * The registry store: every query the services make, over drizzle. Writes that change state take
 * a transaction so that the change and its event commit together or not at all.
 */
export class RegistryStore {
  /** The verify path's read, prepared on first use. */
  #byIds: ReturnType<typeof prepareCertificatesById> | undefined;

  constructor(readonly db: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async provider(id: string): Promise<ProviderRow | undefined> {
    const rows = await this.db.select().from(providers).where(eq(providers.id, id)).limit(1);
    return rows[0];
  }

  listProviders(): Promise<ProviderRow[]> {
    return this.db.select().from(providers).orderBy(providers.id);
  }

  listKeys(): Promise<ProviderKeyRow[]> {
    return this.db
      .select()
      .from(providerKeys)
      .orderBy(providerKeys.providerId, providerKeys.notBefore);
  }

  async insertKey(tx: Tx, row: ProviderKeyRow): Promise<void> {
    await tx.insert(providerKeys).values(row);
  }

  async insertProvider(tx: Tx, row: ProviderRow): Promise<void> {
    await tx.insert(providers).values(row).onConflictDoNothing();
  }

  async insertOfficer(tx: Tx, row: OfficerRow): Promise<void> {
    await tx.insert(officers).values(row).onConflictDoNothing();
  }

  async countCertificates(): Promise<number> {
    const rows = await this.db.select({ n: sql<number>`count(*)::int` }).from(certificates);
    return rows[0]?.n ?? 0;
  }

  async officerByTokenHash(tokenHash: string): Promise<OfficerRow | undefined> {
    const rows = await this.db
      .select()
      .from(officers)
      .where(eq(officers.tokenHash, tokenHash))
      .limit(1);
    return rows[0];
  }

  async certificate(id: string): Promise<CertificateRow | undefined> {
    const rows = await this.db.select().from(certificates).where(eq(certificates.id, id)).limit(1);
    return rows[0];
  }

  /** Certificates with a serial (one per provider at most; serials carry the provider's code). */
  async certificatesBySerial(serial: string): Promise<CertificateRow[]> {
    return this.db.select().from(certificates).where(eq(certificates.serial, serial)).limit(10);
  }

  /**
   * Several certificates in one query, by id; ids without a row are absent from the map. The
   * verify path's read: one prepared statement for any number of ids, built once.
   */
  async certificatesById(ids: readonly string[]): Promise<Map<string, CertificateRow>> {
    const found = new Map<string, CertificateRow>();
    if (ids.length === 0) return found;
    this.#byIds ??= prepareCertificatesById(this.db);
    for (const row of await this.#byIds.execute({ ids: ids.join(',') })) found.set(row.id, row);
    return found;
  }

  async byIdempotencyKey(
    tx: Tx,
    providerId: string,
    key: string,
  ): Promise<CertificateRow | undefined> {
    const rows = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.providerId, providerId), eq(certificates.idempotencyKey, key)))
      .limit(1);
    return rows[0];
  }

  /** The next serial number of a provider for a year; the row lock orders concurrent issuers. */
  async nextSerial(tx: Tx, providerId: string, year: number): Promise<number> {
    const rows = await tx
      .insert(serialCounters)
      .values({ providerId, year, last: 1 })
      .onConflictDoUpdate({
        target: [serialCounters.providerId, serialCounters.year],
        set: { last: sql`${serialCounters.last} + 1` },
      })
      .returning({ last: serialCounters.last });
    const next = rows[0]?.last;
    if (next === undefined) throw new Error('serial counter returned no row');
    return next;
  }

  /**
   * Reserves `count` consecutive serials for each provider and year in one statement, and answers
   * the first of each range by `providerId:year`. Rows are locked in a fixed order, so two
   * batches cannot deadlock on each other.
   */
  async reserveSerials(
    tx: Tx,
    wants: readonly { providerId: string; year: number; count: number }[],
  ): Promise<Map<string, number>> {
    const sorted = [...wants].sort((a, b) =>
      a.providerId === b.providerId ? a.year - b.year : a.providerId < b.providerId ? -1 : 1,
    );
    const rows = await tx
      .insert(serialCounters)
      .values(sorted.map(({ providerId, year, count }) => ({ providerId, year, last: count })))
      .onConflictDoUpdate({
        target: [serialCounters.providerId, serialCounters.year],
        set: { last: sql`${serialCounters.last} + excluded.last` },
      })
      .returning();
    const first = new Map<string, number>();
    for (const row of rows) {
      const want = sorted.find((w) => w.providerId === row.providerId && w.year === row.year);
      if (want) first.set(`${row.providerId}:${row.year}`, row.last - want.count + 1);
    }
    if (first.size !== sorted.length) throw new Error('serial counters returned too few rows');
    return first;
  }

  /** The certificates already issued under some Idempotency-Keys, by `providerId:key`. */
  async byIdempotencyKeys(
    tx: Tx,
    keys: readonly { providerId: string; key: string }[],
  ): Promise<Map<string, CertificateRow>> {
    const found = new Map<string, CertificateRow>();
    if (keys.length === 0) return found;
    const pairs = sql.join(
      keys.map(({ providerId, key }) => sql`(${providerId}, ${key})`),
      sql`, `,
    );
    const rows = await tx
      .select()
      .from(certificates)
      .where(sql`(${certificates.providerId}, ${certificates.idempotencyKey}) in (${pairs})`);
    for (const row of rows) found.set(`${row.providerId}:${row.idempotencyKey}`, row);
    return found;
  }

  /**
   * The insert of some certificates and their events as CTEs, for the statement that appends
   * their log entries (appendLogEntries): a batch of issuances writes everything at once.
   */
  issuanceWrites(rows: readonly NewCertificateRow[], issued: readonly EventInput[]): SQL[] {
    const events = this.db.insert(eventsTable).values(issued.map(eventValues)).getSQL();
    return [
      sql`certificates_written as (${this.db
        .insert(certificates)
        .values([...rows])
        .getSQL()})`,
      sql`events_written as (${events})`,
    ];
  }

  async insertCertificate(tx: Tx, row: NewCertificateRow): Promise<void> {
    await tx.insert(certificates).values(row);
  }

  /** Which of `candidates` are status list indexes of the provider's certificates already. */
  async takenStatusIndexes(tx: Tx, providerId: string, candidates: number[]): Promise<Set<number>> {
    if (candidates.length === 0) return new Set();
    const rows = await tx
      .select({ index: certificates.statusIndex })
      .from(certificates)
      .where(
        and(eq(certificates.providerId, providerId), inArray(certificates.statusIndex, candidates)),
      );
    return new Set(rows.map((row) => row.index as number));
  }

  /** Inserts the certificate unless its status list index is taken; says which happened. */
  async insertCertificateAtFreeIndex(tx: Tx, row: NewCertificateRow): Promise<boolean> {
    const rows = await tx
      .insert(certificates)
      .values(row)
      .onConflictDoNothing({ target: [certificates.providerId, certificates.statusIndex] })
      .returning({ id: certificates.id });
    return rows.length > 0;
  }

  async markRevoked(
    tx: Tx,
    id: string,
    change: { at: Date; reason: string; comment: string | null; by: string },
  ): Promise<CertificateRow | undefined> {
    const rows = await tx
      .update(certificates)
      .set({
        status: 'revoked',
        revokedAt: change.at,
        revocationReason: change.reason,
        revocationComment: change.comment,
        revokedBy: change.by,
      })
      .where(and(eq(certificates.id, id), REVOCABLE))
      .returning();
    return rows[0];
  }

  async appendEvent(tx: Tx | Database, event: EventInput): Promise<void> {
    await tx.insert(eventsTable).values(eventValues(event));
  }

  eventsFor(certificateId: string) {
    return this.db
      .select()
      .from(eventsTable)
      .where(eq(eventsTable.certificateId, certificateId))
      .orderBy(eventsTable.seq);
  }
}

function eventValues(event: EventInput) {
  return {
    at: event.at,
    kind: event.kind,
    actor: event.actor,
    providerId: event.providerId ?? null,
    certificateId: event.certificateId ?? null,
    requestId: event.requestId ?? null,
    data: event.data ?? {},
  };
}

function prepareCertificatesById(db: Database) {
  return (
    db
      .select()
      .from(certificates)
      // One text parameter, not an array: postgres.js sends arrays typed only when it has read the
      // server's types, which the Worker turns off (`fetch_types: false`). Ids hold no comma.
      .where(sql`${certificates.id} = any(string_to_array(${placeholder('ids')}, ','))`)
      .prepare('certificates_by_ids')
  );
}
