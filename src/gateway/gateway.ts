/**
 * The gateway to the state information systems that hold the facts behind a certificate: identity
 * documents, the civil registry of births and the guardianship registry. The provider never asks
 * the applicant for what these systems already know (DESIGN.md, "The service it grew from").
 *
 * Every method answers in one of three ways, and callers must keep them apart:
 * - a record: the source knows it;
 * - `null` or `[]`: the source answered and does not know it ("not found" is a fact);
 * - a thrown {@link GatewayUnavailableError}: the source could not be asked. That is never a fact
 *   about the person: the application waits and is tried again, and is never refused for it.
 *
 * Any other exception is a bug and propagates as one.
 */

import { compareDays } from '../domain/calendar.js';
import type { CertificateType, Day } from '../domain/certificate.js';
import type { Sex } from '../domain/iin.js';

/** The three state sources; errors and logs name the one that failed. */
export type GatewaySource = 'identity' | 'civil_registry' | 'guardianship_registry';

/**
 * A person as the identity-documents system knows them. Named `PersonRecord` rather than
 * `Person`, which the certificate record already uses for the name triple it prints.
 */
export interface PersonRecord {
  iin: string;
  lastName: string;
  firstName: string;
  /** Patronymic; many Kazakh names have none. */
  middleName?: string;
  birthDate: Day;
  sex: Sex;
  /** False once a death is registered: nothing is issued to or about the person then. */
  alive: boolean;
  /** The phone registered to the person's portal account, E.164 (`+7` and ten digits). */
  phone?: string;
  /**
   * The person's EDS public key as the national PKI registers it to their IIN: a raw 32-byte
   * Ed25519 key, unpadded base64url. Absent when the person holds no EDS.
   */
  edsPublicKey?: string;
}

/** A birth as the civil registry recorded it. */
export interface BirthRecord {
  child: {
    iin: string;
    lastName: string;
    firstName: string;
    middleName?: string;
    birthDate: Day;
  };
  /** IINs of the parents entered in the record: one or two. */
  parents: string[];
}

/**
 * A decision of an akimat appointing a guardian (опека, a child under 14) or a trustee
 * (попечительство, 14 to 18). Named apart from the certificate's `Decision`, which holds only
 * the number and date that the certificate prints.
 */
export interface GuardianshipDecision {
  /** The akimat that decided, e.g. `prv_astana`; it is also the provider that issues. */
  providerId: string;
  number: string;
  date: Day;
  guardianIin: string;
  childIin: string;
  kind: CertificateType;
  /** First day the appointment is in force. */
  start: Day;
  /** Last day it is in force, when the decision sets one. */
  end?: Day;
  /** Set when the appointment was ended early; `on` is the first day it is no longer in force. */
  terminated?: { on: Day; reason: string };
}

/** Identity documents: who a person is and how to reach them. */
export interface IdentityDocuments {
  /** The person with this IIN, or `null` when there is none (or the text is not a valid IIN). */
  person(iin: string): Promise<PersonRecord | null>;
}

/** The civil registry of births. */
export interface CivilRegistry {
  /**
   * The birth record of a child, or `null` when the registry holds none. Records exist only for
   * births after {@link BIRTH_RECORDS_AFTER}; a child born abroad or registered outside the
   * digital registry has none either.
   */
  birthRecord(childIin: string): Promise<BirthRecord | null>;
}

/** The guardianship registry. */
export interface GuardianshipRegistry {
  /**
   * Every decision about this child, in force or not, whoever the guardian; oldest first.
   * An empty list means the registry holds none.
   */
  decisions(childIin: string): Promise<GuardianshipDecision[]>;
}

/**
 * The state systems as the application service sees them: one group per source, so that each
 * can be served by its own adapter (a real one for identity, say, and a fixture for the rest).
 */
export interface StateGateway {
  identity: IdentityDocuments;
  civilRegistry: CivilRegistry;
  guardianship: GuardianshipRegistry;
}

/**
 * Births on or before this day are not in the digital civil registry (the service standard asks
 * for a copy of the birth certificate for children born before 13 August 2007).
 */
export const BIRTH_RECORDS_AFTER: Day = '2007-08-13';

/** Whether the civil registry is expected to hold a record of a birth on `birthDate`. */
export function birthRecordExpected(birthDate: Day): boolean {
  return compareDays(birthDate, BIRTH_RECORDS_AFTER) > 0;
}

/** Whether a decision appoints its guardian on `day`: started, not ended, not terminated. */
export function decisionInForce(decision: GuardianshipDecision, day: Day): boolean {
  if (compareDays(day, decision.start) < 0) return false;
  if (decision.end !== undefined && compareDays(day, decision.end) > 0) return false;
  return decision.terminated === undefined || compareDays(day, decision.terminated.on) < 0;
}

/** Why a source could not be asked; for logs and metrics, callers need not branch on it. */
export type UnavailableReason =
  | 'timeout'
  | 'network'
  | 'server_error'
  | 'rate_limited'
  | 'rejected'
  | 'malformed'
  | 'circuit_open'
  | 'down';

/**
 * A source could not be asked, or its answer could not be read. Transient by assumption: the
 * caller keeps the application waiting and tries again later, ideally not before
 * `retryAfterMs` when it is set. It must never become a refusal. The message names the source
 * and the reason, never the IIN asked about.
 */
export class GatewayUnavailableError extends Error {
  override readonly name = 'GatewayUnavailableError';
  readonly code = 'gateway_unavailable';

  constructor(
    readonly source: GatewaySource,
    readonly reason: UnavailableReason,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${message}`, options);
  }
}

/** Narrows a thrown value, so callers need not depend on the class identity. */
export function isGatewayUnavailable(value: unknown): value is GatewayUnavailableError {
  return value instanceof GatewayUnavailableError;
}
