import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema.js';

/** The drizzle database over either PGlite or PostgreSQL: same schema, same queries. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle; the store's writes take one so that changes and events commit together. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}
