import type { ApplicationServices } from '../applications/application-services.js';
import type { AuthServices } from '../auth/auth-services.js';
import type { SessionService } from '../auth/sessions.js';
import type { Logger } from '../logging/logger.js';
import type { PublicPages } from '../public-pages/public-pages.js';
import type { DocumentService } from '../services/documents.js';
import type { IssuanceService } from '../services/issuance.js';
import type { RevocationService } from '../services/revocation.js';
import type { TransparencyLog } from '../services/transparency-log.js';
import type { VerificationService } from '../services/verification.js';
import type { VerificationLog } from '../services/verification-log.js';
import type { VerificationLookup } from '../services/verification-lookup.js';
import type { RegistryStore } from '../store/registry-store.js';

/** Everything the web layer may call. Note what is absent: the signer, the keys, the clock. */
export interface AppServices {
  store: RegistryStore;
  issuance: IssuanceService;
  verification: VerificationService;
  /** The serial plus the holder's IIN, as on the state portal; rate-limited. */
  verificationLookup: VerificationLookup;
  revocation: RevocationService;
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
  /** Mistake reports and the service page's visitor counters (no IP addresses kept). */
  publicPages: PublicPages;
  logger: Logger;
  /** Random id for each request, for logs and error bodies. */
  newRequestId: () => string;
  publicUrl: string;
}
