import type { StateGateway } from '../gateway/gateway.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../runtime/clock.js';
import type { RandomBytes } from '../runtime/random.js';
import type { IssuanceService } from '../services/issuance.js';
import { VerificationLog } from '../services/verification-log.js';
import type { Database } from '../store/database.js';
import type { RegistryStore } from '../store/registry-store.js';
import { ApplicationStore } from './application-store.js';
import { CabinetService } from './cabinet.js';
import { DemoPersonaDirectory } from './demo-personas.js';
import { ApplicationProcessor } from './processor.js';
import { QueueSignal } from './queue-signal.js';
import { ReviewService } from './review.js';
import { revocationNotices } from './revocation-notices.js';
import { SubmissionService } from './submission.js';
import { suspensionNotices } from './suspension-notices.js';

/** Citizen applications as the web layer sees them. */
export interface ApplicationServices {
  submissions: SubmissionService;
  cabinet: CabinetService;
  review: ReviewService;
  /** Demo mode only (`GET /api/v1/dev/personas`); absent otherwise. */
  personas?: DemoPersonaDirectory;
}

export interface ApplicationDeps {
  db: Database;
  store: RegistryStore;
  issuance: IssuanceService;
  gateway: StateGateway;
  clock: Clock;
  random: RandomBytes;
  logger: Logger;
  demo?: boolean;
  /** Whether a demo persona's EDS key file exists (Node: under `DATA_DIR`); default none. */
  demoEdsKeyFileExists?: (personaKey: string) => Promise<boolean>;
}

/**
 * Wires the applications part of issue 3: submission, the processor and its queue signal, the
 * cabinet, the officers' review, revocation notices and the verification history.
 */
export function createApplications(deps: ApplicationDeps) {
  const applications = new ApplicationStore(deps.db);
  const signal = new QueueSignal();
  const shared = { ...deps, applications };

  const services: ApplicationServices = {
    submissions: new SubmissionService({ ...shared, onSubmitted: () => signal.ring() }),
    cabinet: new CabinetService(shared),
    review: new ReviewService(shared),
  };
  if (deps.demo) {
    services.personas = new DemoPersonaDirectory({
      clock: deps.clock,
      keyFileExists: deps.demoEdsKeyFileExists ?? (async () => false),
    });
  }

  return {
    services,
    processor: new ApplicationProcessor(shared),
    signal,
    /** For `RevocationService`'s `onRevoked`. */
    onRevoked: revocationNotices(shared),
    /** For `SuspensionService`'s `onChanged`. */
    onSuspensionChanged: suspensionNotices(shared),
    verificationLog: new VerificationLog(deps),
  };
}
