import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Config } from '../config.js';
import { DEMO_PROVIDERS } from '../demo/demo-data.js';
import type { Logger } from '../logging/logger.js';
import { bootNode } from '../node/boot.js';
import { loadOrCreateDevKeys } from '../signer/dev-key-files.js';
import { loadOrCreateDevLogKey } from '../signer/dev-log-key-file.js';
import { formatSigningKeysSecret } from '../signer/key-material.js';
import { openDatabase } from '../store/open-node.js';

export interface EdgeDevOptions {
  config: Config;
  /** Where the embedded database is served over the Postgres wire protocol (no DATABASE_URL). */
  databasePort: number;
  logger?: Logger;
}

/**
 * Everything `wrangler dev` needs that the Worker does not do itself: the migrated database with
 * the demo providers, keys and certificates, the returning applicant's included (the same as
 * `npm start`; the Worker itself seeds nothing), the Worker secrets made
 * from the dev key files, and a PostgreSQL address for Hyperdrive's `localConnectionString`.
 * Without DATABASE_URL the embedded PGlite of DATA_DIR is served with pglite-socket.
 */
export async function prepareEdgeDev(options: EdgeDevOptions) {
  const { config } = options;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const booted = await bootNode({
    config,
    database,
    processing: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });

  let socket: PGLiteSocketServer | undefined;
  let connectionString = config.databaseUrl;
  if (!connectionString) {
    socket = new PGLiteSocketServer({
      db: database.pglite as PGlite,
      host: '127.0.0.1',
      port: options.databasePort,
      maxConnections: 32,
    });
    await socket.start();
    // PGlite takes any password; wrangler insists that the URL has one.
    connectionString = `postgres://postgres:pglite@127.0.0.1:${options.databasePort}/postgres`;
  }

  return {
    booted,
    connectionString: withPassword(connectionString),
    secrets: await devSecrets(config),
    demoCertificates: booted.demoCertificates,
    returningApplicantToken: booted.returningApplicantToken,
    async close() {
      await socket?.stop();
      await booted.close();
    },
  };
}

export type EdgeDev = Awaited<ReturnType<typeof prepareEdgeDev>>;

/** The Worker secrets of demo mode, from the key files `npm start` uses (never committed). */
async function devSecrets(config: Config): Promise<Record<string, string>> {
  const keys =
    config.signingKeys ??
    formatSigningKeysSecret(
      await loadOrCreateDevKeys({
        dataDir: config.dataDir,
        providerIds: DEMO_PROVIDERS.map((p) => p.id),
      }),
    );
  let logKey = config.logSigningKey;
  if (!logKey) {
    await loadOrCreateDevLogKey(config.dataDir);
    const file = JSON.parse(await readFile(join(config.dataDir, 'keys', 'log.key.json'), 'utf8'));
    logKey = String(file.seed);
  }
  return {
    SIGNING_KEYS: keys,
    LOG_SIGNING_KEY: logKey,
    NODE_ENV: config.production ? 'production' : 'development',
    PUBLIC_URL: config.publicUrl,
    LOG_LEVEL: config.logLevel,
    ...(config.otpSecret ? { OTP_SECRET: config.otpSecret } : {}),
    ...(config.gateway
      ? { GATEWAY_URL: config.gateway.url, GATEWAY_TOKEN: config.gateway.token }
      : {}),
    ...(config.sms ? { SMS_GATEWAY_URL: config.sms.url, SMS_GATEWAY_TOKEN: config.sms.token } : {}),
  };
}

/** wrangler refuses a Hyperdrive URL without a password, even for a server with trust auth. */
function withPassword(url: string): string {
  const parsed = new URL(url);
  if (!parsed.password) parsed.password = 'unused';
  return parsed.toString();
}
