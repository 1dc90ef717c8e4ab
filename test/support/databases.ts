import postgres from 'postgres';
import type { DatabaseHandle } from '../../src/store/database.js';
import { openDatabase } from '../../src/store/open-node.js';

/** The PostgreSQL server the suite also runs against when it answers (CI has one). */
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function serverAnswers(): Promise<boolean> {
  const probe = postgres(SERVER, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database; closing it drops it. */
  open(): Promise<DatabaseHandle>;
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  open: () => openDatabase({}),
};

const server: DatabaseTarget = {
  name: 'postgres',
  async open() {
    const name = `registry_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();

    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 8 });
    return {
      ...handle,
      async close() {
        await handle.close();
        const cleanup = postgres(SERVER, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  },
};

/**
 * PGlite always; the PostgreSQL server too when one answers. Where none runs the suite still
 * passes on PGlite alone, as the project promises.
 */
export const databaseTargets: DatabaseTarget[] = (await serverAnswers())
  ? [pglite, server]
  : [pglite];
