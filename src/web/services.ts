import type { ApplicationServices } from '../applications/application-services.js';
import type { AuthServices } from '../auth/auth-services.js';
import type { SessionService } from '../auth/sessions.js';
import type { Logger } from '../logging/logger.js';
import type { PublicPages } from '../public-pages/public-pages.js';
import type { DocumentVerificationService } from '../services/document-verification.js';
import type { DocumentService } from '../services/documents.js';
import type { IssuanceService } from '../services/issuance.js';
import type { KeyLifecycleService } from '../services/key-lifecycle.js';
import type { ReceiptService } from '../services/receipts.js';
import type { RevocationService } from '../services/revocation.js';
import type { StatusListService } from '../services/status-lists.js';
import type { SuspensionService } from '../services/suspension.js';
import type { TransparencyLog } from '../services/transparency-log.js';
import type { VerificationService } from '../services/verification.js';
import type { VerificationLog } from '../services/verification-log.js';
import type { VerificationLookup } from '../services/verification-lookup.js';
import type { RegistryStore } from '../store/registry-store.js';
import type { SuspensionStore } from '../store/suspension-store.js';

/** Everything the web layer may call. Note what is absent: the signer, the keys, the clock. */
export interface AppServices {
  store: RegistryStore;
  issuance: IssuanceService;
  verification: VerificationService;
  /** The serial plus the holder's IIN, as on the state portal; rate-limited. */
  verificationLookup: VerificationLookup;
  revocation: RevocationService;
  /** Reversible suspension of certificates, and their history for the issuing provider. */
  suspension: SuspensionService;
  suspensions: SuspensionStore;
  /** Each provider's signed status list, for offline verifiers. */
  statusLists: StatusListService;
  /** Rotation, retirement and compromise of provider keys (administrators). */
  keys: KeyLifecycleService;
  documents: DocumentService;
  sessions: SessionService;
  /** Citizen sign-in by SMS code or EDS, and the demo's SMS outbox. */
  auth: AuthServices;
  /** Citizen applications: submission, the personal cabinet, officers' review, demo personas. */
  applications: ApplicationServices;
  /** Who checked which certificate, for the holder's cabinet (buffered, no IP addresses). */
  verificationLog: VerificationLog;
  /** The public transparency log: checkpoints, entries and proofs, for monitors. */
  transparencyLog: TransparencyLog;
  /** Verification of an uploaded certificate PDF by the signed record it carries. */
  documentVerification: DocumentVerificationService;
  /** Verification receipts signed by the log key, for verifiers to keep. */
  receipts: ReceiptService;
  /** Mistake reports and the service page's visitor counters (no IP addresses kept). */
  publicPages: PublicPages;
  logger: Logger;
  /** Random id for each request, for logs and error bodies. */
  newRequestId: () => string;
  publicUrl: string;
}
