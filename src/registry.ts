import { createApplications } from './applications/application-services.js';
import { createAuth } from './auth/auth-services.js';
import { SessionService } from './auth/sessions.js';
import { bytesToHex } from './crypto/bytes.js';
import {
  inProcessPdfReader,
  limitPdfReads,
  type PdfAttachmentReader,
} from './documents/pdf-reader.js';
import {
  inProcessPhotoReader,
  limitPhotoReads,
  type PhotoQrReader,
} from './documents/photo-reader.js';
import type { StateGateway } from './gateway/gateway.js';
import type { Logger } from './logging/logger.js';
import type { SmsSender } from './notifier/sms.js';
import { createPublicPages } from './public-pages/public-pages.js';
import type { Clock } from './runtime/clock.js';
import type { RandomBytes } from './runtime/random.js';
import { DocumentVerificationService } from './services/document-verification.js';
import { type DocumentRenderer, DocumentService } from './services/documents.js';
import { IssuanceService } from './services/issuance.js';
import { KeyLifecycleService } from './services/key-lifecycle.js';
import { Keyring, type KeySnapshot } from './services/keyring.js';
import { logOrigin } from './services/log-checkpoints.js';
import { createLogServices } from './services/log-services.js';
import { ReceiptService } from './services/receipts.js';
import { RevocationService } from './services/revocation.js';
import { StatusListService } from './services/status-lists.js';
import { SuspensionService } from './services/suspension.js';
import { VerificationService } from './services/verification.js';
import { VerificationLookup } from './services/verification-lookup.js';
import type { KeyMaker } from './signer/key-maker.js';
import type { Signer } from './signer/signer.js';
import type { Database } from './store/database.js';
import { KeyStore } from './store/key-store.js';
import { RegistryStore } from './store/registry-store.js';
import { StatusListStore } from './store/status-list-store.js';
import { SuspensionStore } from './store/suspension-store.js';
import { type NoteSigningKey, noteKeyId } from './translog/note-key.js';
import type { AppServices } from './web/services.js';

export interface RegistryDeps {
  db: Database;
  /** The state information systems (identity, civil registry, guardianship decisions). */
  gateway: StateGateway;
  signer: Signer;
  /** Makes keys for rotations (demo mode); absent, rotation answers a coded 409. */
  keyMaker?: KeyMaker | undefined;
  /** The transparency log's key: it signs checkpoints, nothing else. */
  logKey: NoteSigningKey;
  renderer: DocumentRenderer;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  publicUrl: string;
  /** Where sign-in codes go; optional in demo mode, where the SMS outbox is the default. */
  sms?: SmsSender;
  /** `OTP_SECRET`; optional in demo mode, where a public demo key is used. */
  otpSecret?: string;
  /** Demo mode: demo defaults apply and the dev endpoints answer. */
  demo?: boolean;
  /** Whether a demo persona's EDS key file was written (Node); see DemoPersonaDirectory. */
  demoEdsKeyFileExists?: (personaKey: string) => Promise<boolean>;
  /** Keys read by an earlier request of this Worker isolate; Node keeps its own. */
  keySnapshot?: KeySnapshot;
  /** Where photos are decoded: worker threads on Node; in the request itself by default. */
  photoReader?: PhotoQrReader;
  /** Where uploaded PDFs are parsed: worker threads on Node; in the request itself by default. */
  pdfReader?: PdfAttachmentReader;
}

/**
 * Wires the services from their dependencies. Both entries (Node and Worker) call this; only the
 * dependencies differ between them.
 */
export function createRegistry(deps: RegistryDeps) {
  const store = new RegistryStore(deps.db);
  const keyring = new Keyring(store, deps.clock, deps.keySnapshot);
  const issuance = new IssuanceService({ ...deps, store });
  const applications = createApplications({ ...deps, store, issuance });

  const log = createLogServices(deps);
  const statusLists = new StatusListService({
    store,
    lists: new StatusListStore(deps.db),
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    // The log key signs checkpoints and status lists, each with its own prefix (status-list.ts).
    keyId: bytesToHex(noteKeyId(logOrigin(deps.publicUrl), deps.logKey.publicKey)),
    sign: (message) => deps.logKey.sign(message),
  });
  const verification = new VerificationService({
    store,
    keyring,
    clock: deps.clock,
    logPositions: log.positions,
    statusListUrl: (providerId) => statusLists.url(providerId),
  });
  const revocation = new RevocationService({
    store,
    clock: deps.clock,
    logger: deps.logger,
    onRevoked: async (id) => {
      verification.forget(id);
      statusLists.forget();
      await applications.onRevoked(id);
    },
  });

  const suspensions = new SuspensionStore(deps.db);
  const suspension = new SuspensionService({
    store,
    suspensions,
    clock: deps.clock,
    logger: deps.logger,
    onChanged: async (change) => {
      verification.forget(change.certificate.id);
      statusLists.forget();
      await applications.onSuspensionChanged(change);
    },
  });

  const keys = new KeyLifecycleService({
    store,
    keys: new KeyStore(deps.db),
    clock: deps.clock,
    logger: deps.logger,
    keyMaker: deps.keyMaker,
    onChanged: async () => {
      issuance.forgetKeys();
      await keyring.reload();
    },
  });

  const services: AppServices = {
    store,
    issuance,
    verification,
    verificationLookup: new VerificationLookup({ store, verification, clock: deps.clock }),
    revocation,
    suspension,
    suspensions,
    statusLists,
    keys,
    documents: new DocumentService(deps.renderer, deps.publicUrl),
    sessions: new SessionService({ db: deps.db, clock: deps.clock, random: deps.random }),
    auth: createAuth(deps),
    applications: applications.services,
    verificationLog: applications.verificationLog,
    transparencyLog: log.transparencyLog,
    documentVerification: new DocumentVerificationService({
      verification,
      clock: deps.clock,
      publicUrl: deps.publicUrl,
      photos: limitPhotoReads(deps.photoReader ?? inProcessPhotoReader),
      pdfs: limitPdfReads(deps.pdfReader ?? inProcessPdfReader),
    }),
    receipts: new ReceiptService({
      verification,
      store,
      evidence: log.evidence,
      sign: log.signReceipt,
    }),
    publicPages: createPublicPages(deps),
    logger: deps.logger,
    newRequestId: () => bytesToHex(deps.random(8)),
    publicUrl: deps.publicUrl,
  };
  return {
    services,
    store,
    keyring,
    gateway: deps.gateway,
    /** The application queue's worker and doorbell; the Node entry runs them in a loop. */
    processor: applications.processor,
    queueSignal: applications.signal,
  };
}
