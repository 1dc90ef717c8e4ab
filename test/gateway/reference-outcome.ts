/**
 * A reference reading of the state records into an outcome, written for the tests so that each
 * persona's promised outcome is shown to follow from the fixture data. The application service
 * owns the real rule; this mirrors the order documented for it in the gateway's hand-over notes:
 * the persons, the child's age, the decisions, and last the birth record.
 */

import { ageOn, compareDays } from '../../src/domain/calendar.js';
import type { CertificateType, Day } from '../../src/domain/certificate.js';
import type { PersonaOutcome } from '../../src/gateway/fixture-data.js';
import {
  decisionInForce,
  type GuardianshipDecision,
  type StateGateway,
} from '../../src/gateway/gateway.js';

export interface Reading {
  outcome: PersonaOutcome;
  /** The decision in force that issuance or review rests on. */
  decision?: GuardianshipDecision;
}

export async function referenceOutcome(
  gateway: StateGateway,
  application: { applicantIin: string; childIin: string; type: CertificateType },
  today: Day,
): Promise<Reading> {
  const applicant = await gateway.identity.person(application.applicantIin);
  if (applicant === null || !applicant.alive) return { outcome: 'refused:person_unknown' };

  const child = await gateway.identity.person(application.childIin);
  if (child === null || !child.alive) return { outcome: 'refused:person_unknown' };

  if (ageOn(child.birthDate, today) >= 18) return { outcome: 'refused:child_adult' };

  const all = await gateway.guardianship.decisions(child.iin);
  if (all.length === 0) return { outcome: 'refused:no_decision' };

  const naming = all.filter((d) => d.guardianIin === applicant.iin);
  if (naming.length === 0) return { outcome: 'refused:not_guardian' };

  const inForce = naming.filter((d) => decisionInForce(d, today));
  if (inForce.length === 0) {
    const latest = naming.at(-1);
    const started = latest !== undefined && compareDays(latest.start, today) <= 0;
    return { outcome: started ? 'refused:decision_terminated' : 'refused:no_decision' };
  }

  const decision = inForce.find((d) => d.kind === application.type);
  if (decision === undefined) return { outcome: 'refused:no_decision' };

  const birth = await gateway.civilRegistry.birthRecord(child.iin);
  if (birth === null || birth.child.birthDate !== child.birthDate) {
    return { outcome: 'review', decision };
  }

  return { outcome: 'issued', decision };
}
