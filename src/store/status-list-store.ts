import { and, eq, isNotNull, max, ne } from 'drizzle-orm';

import { certificates } from '../../db/schema.js';
import type { Database } from './database.js';

/** What a provider's status list is built from: the few certificates that are not active. */
export class StatusListStore {
  constructor(private readonly db: Database) {}

  /** Indexes and statuses of the provider's suspended and revoked certificates. */
  unsettled(providerId: string): Promise<{ statusIndex: number | null; status: string }[]> {
    return this.db
      .select({ statusIndex: certificates.statusIndex, status: certificates.status })
      .from(certificates)
      .where(
        and(
          eq(certificates.providerId, providerId),
          ne(certificates.status, 'active'),
          isNotNull(certificates.statusIndex),
        ),
      );
  }

  /** The highest index handed out, which sets the list's size; null before the first. */
  async highestIndex(providerId: string): Promise<number | null> {
    const rows = await this.db
      .select({ highest: max(certificates.statusIndex) })
      .from(certificates)
      .where(eq(certificates.providerId, providerId));
    return rows[0]?.highest ?? null;
  }
}
