import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { demoEdsKeyFile } from '../applications/demo-personas.js';
import { startProcessor } from '../applications/processing-loop.js';
import type { Config } from '../config.js';
import { DEMO_PROVIDERS } from '../demo/demo-data.js';
import {
  type SeededCertificate,
  seedDemoCertificates,
  seedDemoParties,
  seedReturningApplicant,
} from '../demo/seed.js';
import type { PdfAttachmentReader } from '../documents/pdf-reader.js';
import type { StateGateway } from '../gateway/gateway.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { HttpSms } from '../notifier/http-sms.js';
import type { SmsSender } from '../notifier/sms.js';
import { createRegistry } from '../registry.js';
import { type Clock, systemClock } from '../runtime/clock.js';
import { type RandomBytes, secureRandom } from '../runtime/random.js';
import { registerSignerKeys } from '../services/key-registration.js';
import type { TransparencyLog } from '../services/transparency-log.js';
import { loadOrCreateDevKeys } from '../signer/dev-key-files.js';
import { loadOrCreateDevLogKey } from '../signer/dev-log-key-file.js';
import { DevKeyMaker, type KeyMaker } from '../signer/key-maker.js';
import { type ProviderKeyMaterial, parseSigningKeysSecret } from '../signer/key-material.js';
import { LocalSigner } from '../signer/local-signer.js';
import { logKeyFromSeedText } from '../signer/log-key.js';
import type { DatabaseHandle } from '../store/database.js';
import { openDatabase } from '../store/open-node.js';
import { RegistryStore } from '../store/registry-store.js';
import { TranslogError } from '../translog/errors.js';
import type { NoteSigningKey } from '../translog/note-key.js';
import { createApp } from '../web/app.js';
import { nodeGateway } from './gateway.js';
import { nodeRenderer } from './renderer.js';
import { ThreadPdfReader, ThreadPhotoReader } from './threads.js';

export interface BootOptions {
  config: Config;
  clock?: Clock;
  random?: RandomBytes;
  logger?: Logger;
  /** An open database (tests); otherwise opened from the configuration. */
  database?: DatabaseHandle;
  /** Signing keys (tests); otherwise from SIGNING_KEYS, or dev key files in demo mode. */
  keys?: ProviderKeyMaterial[];
  /**
   * What makes keys for rotations (tests give one over a temporary folder); otherwise, in demo
   * mode with dev key files, new keys go to `DATA_DIR/keys`; in production there is none.
   */
  keyMaker?: (signer: LocalSigner) => KeyMaker;
  /** The log key (tests); otherwise from LOG_SIGNING_KEY, or a key file in demo mode. */
  logKey?: NoteSigningKey;
  /** The state gateway (tests); otherwise from the configuration, see nodeGateway. */
  gateway?: StateGateway;
  /** Where sign-in codes go (tests); otherwise SMS_GATEWAY_URL, or the outbox in demo mode. */
  sms?: SmsSender;
  /**
   * Seed demo certificates (demo mode only), default true: three issued by officers on an empty
   * registry, and, with the fixture gateway (no GATEWAY_URL), the returning applicant's, through
   * her own application, once per registry.
   */
  seedCertificates?: boolean;
  /**
   * The loop that works the application queue: its polling interval (default 1 s), or `false`
   * for tests and tools that drive `processor` by hand.
   */
  processing?: { intervalMs: number } | false;
  /** Where uploaded PDFs are parsed (tests); otherwise worker threads with a 5 s time limit. */
  pdfReader?: PdfAttachmentReader;
}

/**
 * Starts the registry on Node: database and migrations, demo parties, keys, services, app.
 * The same function serves `npm start`, the tests and the benchmark.
 */
export async function bootNode(options: BootOptions) {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? secureRandom;
  const logger = options.logger ?? createLogger(config.logLevel);

  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));

  // Providers must exist before their keys are published.
  const bootStore = new RegistryStore(database.db);
  if (config.demo) await seedDemoParties(bootStore, clock);

  const keys = options.keys ?? (await loadKeys(config));
  const signer = await LocalSigner.create(keys);
  const registered = await registerSignerKeys(bootStore, signer.publicKeys(), clock);
  for (const kid of registered) logger.info('key.registered', { kid });

  const gateway = options.gateway ?? (await nodeGateway(config, clock, logger));
  const photoReader = new ThreadPhotoReader();
  const pdfReader = options.pdfReader ?? new ThreadPdfReader();
  const { services, store, keyring, processor, queueSignal } = createRegistry({
    db: database.db,
    gateway,
    signer,
    keyMaker: keyMakerFor(options, signer),
    logKey: options.logKey ?? (await loadLogKey(config)),
    renderer: await nodeRenderer(),
    clock,
    random,
    logger,
    publicUrl: config.publicUrl,
    sms: options.sms ?? (config.sms ? new HttpSms(config.sms) : undefined),
    otpSecret: config.otpSecret,
    demo: config.demo,
    photoReader,
    pdfReader,
    demoEdsKeyFileExists: (key) => fileExists(join(config.dataDir, demoEdsKeyFile(key))),
  });
  await keyring.reload();
  await refuseForeignLog(services.transparencyLog, config.publicUrl);

  let demoCertificates: SeededCertificate[] = [];
  let returningApplicantToken: string | undefined;
  if (config.demo && options.seedCertificates !== false) {
    demoCertificates = await seedDemoCertificates(services, clock);
    // The persona exists only in the fixture gateway; a real one is never asked about her.
    if (!config.gateway) {
      returningApplicantToken = await seedReturningApplicant(services, processor, clock);
    }
  }

  const app = createApp(services, {
    staticAssets: serveStatic({ root: './public' }),
    // The socket's peer; behind a proxy this is the proxy (see README, "The web pages").
    clientAddress: (c) => {
      try {
        return getConnInfo(c).remote.address;
      } catch {
        return undefined; // app.request() in tests has no socket
      }
    },
  });
  const processing =
    options.processing === false
      ? undefined
      : startProcessor(processor, {
          intervalMs: options.processing?.intervalMs ?? 1_000,
          logger,
          signal: queueSignal,
        });
  return {
    app,
    services,
    store,
    keyring,
    gateway,
    database,
    /** The demo certificates this start issued (none when the registry held some already). */
    demoCertificates,
    /** The token of the returning applicant's certificate when this start issued it. */
    returningApplicantToken,
    processor,
    processing,
    async close() {
      await processing?.stop();
      await services.verificationLog.flush();
      await photoReader.close();
      if (pdfReader instanceof ThreadPdfReader) await pdfReader.close();
      await database.close();
    },
  };
}

export type Booted = Awaited<ReturnType<typeof bootNode>>;

async function loadKeys(config: Config): Promise<ProviderKeyMaterial[]> {
  if (config.signingKeys) return parseSigningKeysSecret(config.signingKeys);
  if (!config.demo) throw new Error('SIGNING_KEYS is required outside demo mode');

  return loadOrCreateDevKeys({
    dataDir: config.dataDir,
    providerIds: DEMO_PROVIDERS.map((p) => p.id),
  });
}

function keyMakerFor(options: BootOptions, signer: LocalSigner): KeyMaker | undefined {
  if (options.keyMaker) return options.keyMaker(signer);
  const devKeys = options.config.demo && !options.config.signingKeys && !options.keys;
  return devKeys ? new DevKeyMaker(signer, options.config.dataDir) : undefined;
}

async function loadLogKey(config: Config): Promise<NoteSigningKey> {
  if (config.logSigningKey) return logKeyFromSeedText(config.logSigningKey);
  if (!config.demo) throw new Error('LOG_SIGNING_KEY is required outside demo mode');
  return loadOrCreateDevLogKey(config.dataDir);
}

function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Stops the start when the database's log was signed under another name or key: this instance
 * would serve checkpoints that its own published key does not verify.
 */
async function refuseForeignLog(log: TransparencyLog, publicUrl: string): Promise<void> {
  try {
    await log.checkOwnership();
  } catch (error) {
    if (!(error instanceof TranslogError && error.code === 'foreign_checkpoint')) throw error;
    throw new Error(
      `The transparency log in this database belongs to another PUBLIC_URL or LOG_SIGNING_KEY ` +
        `(this start has ${publicUrl}): start with the ones it was created with, or use a new ` +
        `database (DATA_DIR or DATABASE_URL). ${error.message}`,
    );
  }
}
