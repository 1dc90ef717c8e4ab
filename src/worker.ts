import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../db/schema.js';
import type { ApplicationProcessor } from './applications/processor.js';
import { loadConfig } from './config.js';
import type { StateGateway } from './gateway/gateway.js';
import { selectGateway } from './gateway/select-gateway.js';
import { createLogger, type Logger } from './logging/logger.js';
import { HttpSms } from './notifier/http-sms.js';
import { createRegistry } from './registry.js';
import { secureRandom } from './runtime/random.js';
import { registerSignerKeys } from './services/key-registration.js';
import { KeySnapshot } from './services/keyring.js';
import type { VerificationLog } from './services/verification-log.js';
import { parseSigningKeysSecret } from './signer/key-material.js';
import { LocalSigner } from './signer/local-signer.js';
import { logKeyFromSeedText } from './signer/log-key.js';
import type { Database } from './store/database.js';
import { RegistryStore } from './store/registry-store.js';
import type { NoteSigningKey } from './translog/note-key.js';
import { createApp } from './web/app.js';
import { devClockRoute, workerClock } from './worker/dev-clock.js';
import { documentsOnWorkers } from './worker/documents.js';
import { EdgeVerifyCache } from './worker/edge-cache.js';

/** Bindings from wrangler.toml and Worker secrets. */
export interface WorkerEnv {
  HYPERDRIVE: Hyperdrive;
  ASSETS: Fetcher;
  PUBLIC_URL: string;
  NODE_ENV?: string;
  SIGNING_KEYS: string;
  LOG_SIGNING_KEY?: string;
  GATEWAY_URL?: string;
  GATEWAY_TOKEN?: string;
  SMS_GATEWAY_URL?: string;
  SMS_GATEWAY_TOKEN?: string;
  OTP_SECRET?: string;
  LOG_LEVEL?: string;
  /** `off` answers every verification from the database (the benchmark's cold figures). */
  EDGE_CACHE?: string;
  /** `controllable` (tests under `wrangler dev`, demo mode only): see worker/dev-clock.ts. */
  DEV_CLOCK?: string;
}

/** What lives as long as the isolate: parsed secrets, the gateway's breaker, the keys seen. */
interface Isolate {
  signer: LocalSigner;
  logKey: NoteSigningKey;
  gateway: StateGateway;
  logger: Logger;
  /** Public keys read from the registry, kept so verification checks signatures offline too. */
  keys: KeySnapshot;
  edgeCache: EdgeVerifyCache;
  /** Settles once this isolate's signing keys are published; reset to retry after a failure. */
  keysPublished?: Promise<void>;
}

let isolate: Promise<Isolate> | undefined;

/**
 * The Cloudflare Worker entry: the same app as on Node, with PostgreSQL through Hyperdrive.
 * Secrets are read once per isolate; database clients live for one request, as Workers require.
 */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const config = loadConfig({
      PUBLIC_URL: env.PUBLIC_URL,
      NODE_ENV: env.NODE_ENV ?? 'production',
      SIGNING_KEYS: env.SIGNING_KEYS,
      LOG_SIGNING_KEY: env.LOG_SIGNING_KEY,
      GATEWAY_URL: env.GATEWAY_URL,
      GATEWAY_TOKEN: env.GATEWAY_TOKEN,
      SMS_GATEWAY_URL: env.SMS_GATEWAY_URL,
      SMS_GATEWAY_TOKEN: env.SMS_GATEWAY_TOKEN,
      OTP_SECRET: env.OTP_SECRET,
      LOG_LEVEL: env.LOG_LEVEL,
    });
    const clock = workerClock(config.demo && env.DEV_CLOCK === 'controllable');
    if (clock.control) {
      const answer = await devClockRoute(request, clock.control);
      if (answer) return answer;
    }

    isolate ??= startIsolate(config).catch((error: unknown) => {
      isolate = undefined;
      throw error;
    });
    const shared = await isolate;

    // The hot path: a scan answered from this data center's cache needs no database client,
    // registry or router.
    if (env.EDGE_CACHE !== 'off') {
      const hit = await shared.edgeCache.lookup(request, clock.clock.now().getTime());
      if (hit) return hit;
    }

    // A connection per request; `connect_timeout` keeps a dead database from holding the
    // request for postgres.js's default 30 s (Hyperdrive itself is in the same data center).
    const client = postgres(env.HYPERDRIVE.connectionString, {
      max: 5,
      fetch_types: false,
      connect_timeout: 3,
      onnotice: () => {},
    });
    const db = drizzle(client, { schema }) as unknown as Database;
    shared.keysPublished ??= publishKeys(db, shared, clock.clock);
    await shared.keysPublished;

    const { services, processor, queueSignal } = createRegistry({
      db,
      gateway: shared.gateway,
      signer: shared.signer,
      logKey: shared.logKey,
      renderer: documentsOnWorkers,
      clock: clock.clock,
      random: secureRandom,
      logger: shared.logger,
      publicUrl: config.publicUrl,
      sms: config.sms ? new HttpSms(config.sms) : undefined,
      otpSecret: config.otpSecret,
      demo: config.demo,
      keySnapshot: shared.keys,
    });

    // No processing loop runs in a Worker: an application this request stored is worked on just
    // after the answer; a retry (the gateway was down) waits for a processor on Node.
    let submitted = false;
    queueSignal.listen(() => {
      submitted = true;
    });

    const app = createApp(services, {
      // A path that is no asset goes on to the JSON 404, as with serveStatic on Node.
      staticAssets: async (c, next) => {
        const asset = await env.ASSETS.fetch(c.req.raw);
        if (asset.status === 404) return next();
        return asset;
      },
      edgeCache:
        env.EDGE_CACHE === 'off' ? undefined : shared.edgeCache.middleware(clock.clock, ctx),
      clientAddress: (c) => c.req.header('cf-connecting-ip'),
    });
    const response = await app.fetch(request, env, ctx);
    ctx.waitUntil(afterResponse(submitted, processor, services.verificationLog, client));
    return response;
  },
} satisfies ExportedHandler<WorkerEnv>;

async function startIsolate(config: ReturnType<typeof loadConfig>): Promise<Isolate> {
  const logger = createLogger(config.logLevel);
  const keys = await parseSigningKeysSecret(config.signingKeys ?? '[]');
  return {
    signer: await LocalSigner.create(keys),
    logKey: await logKeyFromSeedText(config.logSigningKey ?? ''),
    // The gateway's circuit breaker must outlive a request, so it lives with the isolate.
    gateway: await selectGateway(config, { now: () => new Date() }, logger),
    logger,
    keys: new KeySnapshot(),
    edgeCache: new EdgeVerifyCache(),
  };
}

/**
 * Publishes the isolate's signing keys before the first signature (a no-op for keys the registry
 * knows). A failure (the database is down) is retried by the next request.
 */
function publishKeys(db: Database, shared: Isolate, clock: { now(): Date }): Promise<void> {
  return registerSignerKeys(new RegistryStore(db), shared.signer.publicKeys(), clock).then(
    (added) => {
      for (const kid of added) shared.logger.info('key.registered', { kid });
    },
    (error: unknown) => {
      shared.keysPublished = undefined;
      shared.logger.warn('key.registration_deferred', {
        error: error instanceof Error ? error.name : typeof error,
      });
    },
  );
}

/** Work that may finish after the answer: the new application, the verification history. */
async function afterResponse(
  submitted: boolean,
  processor: ApplicationProcessor,
  verificationLog: VerificationLog,
  client: postgres.Sql,
): Promise<void> {
  try {
    if (submitted) await processor.runOnce();
    await verificationLog.flush();
  } catch {
    // The row stays queued and the processor on Node picks it up; nothing is lost.
  } finally {
    await client.end({ timeout: 1 });
  }
}
