/**
 * The rule of the service: what the state records say about an application. The order of the
 * checks fixes which reason an applicant reads when several apply: first who the persons are,
 * then the child's age, then the guardianship decisions, and last the birth record, which only
 * decides between automatic issuance and an officer's review.
 *
 * Every gateway call may throw `GatewayUnavailableError`; that propagates untouched, because a
 * source that could not be asked says nothing about the applicant.
 */

import { ageOn, compareDays } from '../domain/calendar.js';
import type { CertificateType, Day } from '../domain/certificate.js';
import { ADULT_AGE } from '../domain/validity.js';
import {
  decisionInForce,
  type GuardianshipDecision,
  type PersonRecord,
  type StateGateway,
} from '../gateway/gateway.js';
import type { AUTOMATIC_REFUSALS } from './refusal-reasons.js';

export interface ApplicationFacts {
  applicantIin: string;
  childIin: string;
  type: CertificateType;
}

/** The decision in force and the two persons, as issuance needs them. */
export interface Grounds {
  decision: GuardianshipDecision;
  applicant: PersonRecord;
  child: PersonRecord;
}

export type Finding =
  | ({ outcome: 'issue' } & Grounds)
  /** No birth record to confirm the child: an officer of the decision's provider reviews. */
  | ({ outcome: 'review' } & Grounds)
  | { outcome: 'refuse'; reason: (typeof AUTOMATIC_REFUSALS)[number] };

/** Reads the state records for an application on `today` (an Almaty day) and finds its outcome. */
export async function decide(
  gateway: StateGateway,
  application: ApplicationFacts,
  today: Day,
): Promise<Finding> {
  // The three independent lookups go out together; the checks below still run in their order.
  const [applicant, child, decisions] = await Promise.all([
    gateway.identity.person(application.applicantIin),
    gateway.identity.person(application.childIin),
    gateway.guardianship.decisions(application.childIin),
  ]);

  // 1. Both persons are known and alive.
  if (applicant === null || !applicant.alive) return refuse('person_unknown');
  if (child === null || !child.alive) return refuse('person_unknown');

  // 2. Guardianship and trusteeship end at 18.
  if (ageOn(child.birthDate, today) >= ADULT_AGE) return refuse('child_adult');

  // 3. A decision exists, names this applicant, is in force and is of the kind applied for.
  if (decisions.length === 0) return refuse('no_decision');

  const naming = decisions.filter((d) => d.guardianIin === applicant.iin);
  if (naming.length === 0) return refuse('not_guardian');

  const inForce = naming.filter((d) => decisionInForce(d, today));
  if (inForce.length === 0) {
    // A decision that already started and is no longer in force was terminated or has ended;
    // one that has not started yet is, today, no decision at all.
    const latest = naming.at(-1);
    const started = latest !== undefined && compareDays(latest.start, today) <= 0;
    return refuse(started ? 'decision_terminated' : 'no_decision');
  }

  const decision = inForce.find((d) => d.kind === application.type);
  if (decision === undefined) return refuse('no_decision');

  // 4. The civil registry confirms the child's birth, or an officer looks at the copy.
  const birth = await gateway.civilRegistry.birthRecord(child.iin);
  const confirmed = birth !== null && birth.child.birthDate === child.birthDate;
  return { outcome: confirmed ? 'issue' : 'review', decision, applicant, child };
}

function refuse(reason: (typeof AUTOMATIC_REFUSALS)[number]): Finding {
  return { outcome: 'refuse', reason };
}
