import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../../db/schema.js';
import type { Database, DatabaseHandle } from './database.js';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

export interface OpenOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** A handle of the Node entry; `pglite` is the embedded instance, for serving it on a socket. */
export interface NodeDatabaseHandle extends DatabaseHandle {
  pglite?: PGlite;
}

/** Opens the database for the Node entry and applies pending migrations. */
export async function openDatabase(options: OpenOptions): Promise<NodeDatabaseHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema });
    await migratePostgres(db, { migrationsFolder: MIGRATIONS });
    // A connection stuck since an outage must not hold the shutdown: 5 s, then it is cut.
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      close: () => client.end({ timeout: 5 }),
    };
  }

  // PGlite is a single connection: no pool in front of it; drizzle serialises on it.
  let dataPath: string | undefined;
  if (options.dataDir) {
    dataPath = join(options.dataDir, 'pglite');
    await mkdir(dataPath, { recursive: true });
  }
  const client = dataPath ? new PGlite(dataPath) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    pglite: client,
    close: () => client.close(),
  };
}
