import { openDatabase } from '../src/store/open-node.js';

/**
 * `npm run db:migrate`: applies the committed migrations to the PostgreSQL server named by
 * DATABASE_URL (the production database behind Hyperdrive, for instance), then exits.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the PostgreSQL server to migrate.');
  process.exit(1);
}

const handle = await openDatabase({ databaseUrl: url, maxConnections: 1 });
await handle.close();
console.log('Migrations applied.');
