import { and, count, eq, gte, sql } from 'drizzle-orm';

import { certificates, providerKeys, providers } from '../../db/schema.js';
import type { Database, Tx } from './database.js';
import type { ProviderKeyRow } from './registry-store.js';

/**
 * Changes to provider keys. Every change first locks the provider's row, so two administrators
 * rotating at once end with one active key, not two.
 */
export class KeyStore {
  constructor(private readonly db: Database) {}

  /** Locks the provider until commit; false when there is no such provider. */
  async lockProvider(tx: Tx, providerId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.id, providerId))
      .for('update');
    return rows.length > 0;
  }

  async key(tx: Tx | Database, kid: string): Promise<ProviderKeyRow | undefined> {
    const rows = await tx.select().from(providerKeys).where(eq(providerKeys.kid, kid)).limit(1);
    return rows[0];
  }

  async activeKeys(tx: Tx, providerId: string): Promise<ProviderKeyRow[]> {
    return tx
      .select()
      .from(providerKeys)
      .where(and(eq(providerKeys.providerId, providerId), eq(providerKeys.status, 'active')));
  }

  /**
   * Marks a key retired from `at` on: it keeps verifying what it signed, and signs no more.
   * (`least` skips a null, so the window closes at `at` or earlier, never later.)
   */
  async retire(tx: Tx, kid: string, at: Date): Promise<ProviderKeyRow> {
    const rows = await tx
      .update(providerKeys)
      .set({
        status: 'retired',
        notAfter: sql`least(${providerKeys.notAfter}, ${at.toISOString()}::timestamptz)`,
      })
      .where(eq(providerKeys.kid, kid))
      .returning();
    return only(rows);
  }

  /** Marks a key compromised since `since`; it signs nothing from `at` on. */
  async compromise(tx: Tx, kid: string, since: Date, at: Date): Promise<ProviderKeyRow> {
    const rows = await tx
      .update(providerKeys)
      .set({
        status: 'compromised',
        compromisedAt: since,
        notAfter: sql`least(${providerKeys.notAfter}, ${at.toISOString()}::timestamptz)`,
      })
      .where(eq(providerKeys.kid, kid))
      .returning();
    return only(rows);
  }

  /** How many certificates the key signed with an issue time at or after `since`. */
  async signedSince(kid: string, since: Date): Promise<number> {
    const rows = await this.db
      .select({ n: count() })
      .from(certificates)
      .where(and(eq(certificates.kid, kid), gte(certificates.issuedAt, since)));
    return rows[0]?.n ?? 0;
  }
}

function only(rows: ProviderKeyRow[]): ProviderKeyRow {
  const row = rows[0];
  if (!row) throw new Error('key row vanished inside its own transaction');
  return row;
}
