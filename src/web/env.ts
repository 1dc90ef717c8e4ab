import type { Logger } from '../logging/logger.js';
import type { VerificationResult } from '../services/verification-result.js';
import type { Language } from './i18n/languages.js';

/** The officer a bearer token resolved to. */
export interface Officer {
  id: string;
  providerId: string;
  roles: string[];
}

/** The signed-in citizen (applicant) of a session. */
export interface Citizen {
  iin: string;
  method: 'eds' | 'otp';
}

/** Per-request values that middleware sets for the handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    officer: Officer;
    citizen: Citizen;
    /** The verdict a verify route answered; the edge cache reads it. */
    verification: VerificationResult;
    /** The page's language: `?lang=`, the remembered choice, or `Accept-Language`. */
    lang: Language;
    /**
     * The caller's address as the runtime reports it, for rate limits and visitor pseudonyms
     * only: never logged, never stored. `unknown` when the runtime gives none.
     */
    clientAddress: string;
  };
}
