import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../db/schema.js';
import type { ApplicationProcessor } from './applications/processor.js';
import { loadConfig } from './config.js';
import type { StateGateway } from './gateway/gateway.js';
import { createHttpGateway } from './gateway/http-gateway.js';
import { createLogger } from './logging/logger.js';
import { HttpSms } from './notifier/http-sms.js';
import { createRegistry } from './registry.js';
import { systemClock } from './runtime/clock.js';
import { secureRandom } from './runtime/random.js';
import type { DocumentRenderer } from './services/documents.js';
import type { VerificationLog } from './services/verification-log.js';
import { parseSigningKeysSecret } from './signer/key-material.js';
import { LocalSigner } from './signer/local-signer.js';
import { logKeyFromSeedText } from './signer/log-key.js';
import type { Database } from './store/database.js';
import type { NoteSigningKey } from './translog/note-key.js';
import { createApp } from './web/app.js';

/** Bindings from wrangler.toml and Worker secrets. */
export interface WorkerEnv {
  HYPERDRIVE: Hyperdrive;
  ASSETS: Fetcher;
  PUBLIC_URL: string;
  NODE_ENV?: string;
  SIGNING_KEYS: string;
  LOG_SIGNING_KEY: string;
  GATEWAY_URL: string;
  GATEWAY_TOKEN: string;
  SMS_GATEWAY_URL: string;
  SMS_GATEWAY_TOKEN: string;
  OTP_SECRET: string;
  LOG_LEVEL?: string;
}

/**
 * Documents are rendered by the Node service until the WASM builds are wired for Workers
 * (resvg-wasm and hb-subset are ready behind the renderer interface); see the README.
 */
const documentsElsewhere: DocumentRenderer = {
  png: () => Promise.reject(new Error('document rendering is not enabled on this runtime')),
  pdf: () => Promise.reject(new Error('document rendering is not enabled on this runtime')),
};

let signer: Promise<LocalSigner> | undefined;
let logKey: Promise<NoteSigningKey> | undefined;
let gateway: StateGateway | undefined;

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
    signer ??= parseSigningKeysSecret(config.signingKeys ?? '[]').then((keys) =>
      LocalSigner.create(keys),
    );

    logKey ??= logKeyFromSeedText(config.logSigningKey ?? '');

    // The gateway's circuit breaker must outlive a request, so it lives with the isolate.
    gateway ??= createHttpGateway(
      { baseUrl: env.GATEWAY_URL, token: env.GATEWAY_TOKEN },
      { clock: systemClock },
    );

    const client = postgres(env.HYPERDRIVE.connectionString, { max: 5, fetch_types: false });
    const { services, processor, queueSignal } = createRegistry({
      db: drizzle(client, { schema }) as unknown as Database,
      gateway,
      signer: await signer,
      logKey: await logKey,
      renderer: documentsElsewhere,
      clock: systemClock,
      random: secureRandom,
      logger: createLogger(config.logLevel),
      publicUrl: config.publicUrl,
      sms: config.sms ? new HttpSms(config.sms) : undefined,
      otpSecret: config.otpSecret,
      demo: config.demo,
    });

    // No processing loop runs in a Worker: an application this request stored is worked on just
    // after the answer; a retry (the gateway was down) waits for a processor on Node.
    let submitted = false;
    queueSignal.listen(() => {
      submitted = true;
    });

    const app = createApp(services, {
      staticAssets: (c) => env.ASSETS.fetch(c.req.raw),
      clientAddress: (c) => c.req.header('cf-connecting-ip'),
    });
    const response = await app.fetch(request, env, ctx);
    ctx.waitUntil(afterResponse(submitted, processor, services.verificationLog, client));
    return response;
  },
} satisfies ExportedHandler<WorkerEnv>;

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
    await client.end();
  }
}
