/**
 * The demo's state records and the persona list that the demo prints and serves at
 * `GET /api/v1/dev/personas`. Everything is built for a given `today` (an Almaty day the caller
 * reads from its clock), because the cases depend on children's ages.
 *
 * The civil registry here follows one rule: no birth record for a child means manual review with
 * an attached copy of the birth certificate. Records are missing for every birth on or before
 * 13 August 2007 (`BIRTH_RECORDS_AFTER`), but such a child is 18 by now, so the demo's review case
 * is a child born abroad, whose birth was never registered in Kazakhstan.
 */

import { fromBase64Url, toBase64Url } from '../crypto/bytes.js';
import { publicKeyFromSeed } from '../crypto/ed25519-keys.js';
import type { CertificateType, Day } from '../domain/certificate.js';
import { demoEdsSeed, demoEdsSeedText } from './demo-eds-seeds.js';
import { type FixtureCase, fixtureCases, type PersonaOutcome } from './fixture-cases.js';
import type { BirthRecord, GuardianshipDecision, PersonRecord } from './gateway.js';

export type { PersonaOutcome, RefusalReason } from './fixture-cases.js';

/** A demo applicant and where their application leads. */
export interface Persona {
  /** Stable id of the case, e.g. `issued-guardianship-astana`; also names the EDS key file. */
  key: string;
  /** Full name as it reads on the certificate: last, first, patronymic. */
  name: string;
  iin: string;
  /** The phone the SMS code goes to. */
  phone: string;
  /** EDS seed for a demo key file: 32 bytes, unpadded base64url. Absent: signs in by SMS only. */
  edsSeed?: string;
  childIin: string;
  type: CertificateType;
  outcome: PersonaOutcome;
  /** The akimat of the latest decision about the child, when there is one. */
  providerId?: string;
  story: string;
}

/** Everything the fixture gateway answers from. */
export interface FixtureData {
  today: Day;
  persons: PersonRecord[];
  birthRecords: BirthRecord[];
  decisions: GuardianshipDecision[];
  personas: Persona[];
}

/** The demo applicants on `today`, without computing any keys. */
export function demoPersonas(today: Day): Persona[] {
  return fixtureCases(today).map(toPersona);
}

/**
 * The demo's state records on `today`. Asynchronous because EDS public keys are derived from the
 * demo seeds with WebCrypto.
 */
export async function fixtureData(today: Day): Promise<FixtureData> {
  const cases = fixtureCases(today);

  const applicants = await Promise.all(cases.map(withEdsKey));
  const persons = [...applicants, ...cases.flatMap((c) => c.persons)];
  assertUniqueIins(persons);

  return {
    today,
    persons,
    birthRecords: cases.flatMap((c) => c.birthRecords),
    decisions: cases.flatMap((c) => c.decisions),
    personas: cases.map(toPersona),
  };
}

/** The raw public key of a persona's seed, as `PersonRecord.edsPublicKey` carries it. */
export async function demoEdsPublicKey(edsSeed: string): Promise<string> {
  return toBase64Url(await publicKeyFromSeed(fromBase64Url(edsSeed, 'edsSeed')));
}

async function withEdsKey(c: FixtureCase): Promise<PersonRecord> {
  if (!c.eds) return c.applicant;

  const publicKey = await publicKeyFromSeed(demoEdsSeed(c.key));
  return { ...c.applicant, edsPublicKey: toBase64Url(publicKey) };
}

function toPersona(c: FixtureCase): Persona {
  const { lastName, firstName, middleName } = c.applicant;
  const latest = c.decisions.at(-1);

  const persona: Persona = {
    key: c.key,
    name: [lastName, firstName, middleName].filter(Boolean).join(' '),
    iin: c.applicant.iin,
    phone: c.applicant.phone,
    childIin: c.childIin,
    type: c.type,
    outcome: c.outcome,
    story: c.story,
  };
  if (c.eds) persona.edsSeed = demoEdsSeedText(c.key);
  if (latest !== undefined) persona.providerId = latest.providerId;
  return persona;
}

/** Two demo persons with one IIN would be a mistake in the cases; the demo must not start. */
function assertUniqueIins(persons: PersonRecord[]): void {
  const seen = new Set<string>();
  for (const { iin } of persons) {
    if (seen.has(iin)) throw new Error('fixture: two demo persons share one IIN');
    seen.add(iin);
  }
}
