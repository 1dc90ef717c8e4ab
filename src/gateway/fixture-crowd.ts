/**
 * State records for a crowd of made-up guardians, for loads and races (the bench, the queue
 * tests): each is the guardian of one child of 8 to 10 by a decision two weeks before `today`, of
 * the Astana akimat or the Medeu district akimat of Almaty in turn, and an application of theirs
 * is issued. One applicant per application
 * keeps such runs clear of the limits on applying (one open application per child, a few a day
 * per applicant), which a single persona applying a thousand times would hit at once.
 *
 * The demo does not use these. IINs are valid and unique within a crowd; serials from 8000 keep
 * them apart from the demo personas'.
 */

import { demoIin } from '../demo/demo-iin.js';
import { addDays, addYears } from '../domain/calendar.js';
import type { Day } from '../domain/certificate.js';
import type { FixtureRecords } from './fixture-gateway.js';
import type { PersonRecord } from './gateway.js';

/** One guardian of the crowd and the application they make. */
export interface CrowdMember {
  iin: string;
  childIin: string;
  type: 'guardianship';
}

/** Days of birth used before the serial moves on; the serial block holds 100 serials. */
const DATES = 1_000;
const MAX_SIZE = 19 * DATES;
const PROVIDERS = ['prv_astana', 'prv_almaty_medeu'];

/** `size` guardians, each with a child, the child's birth record and the decision. */
export function guardianCrowd(
  today: Day,
  size: number,
): { records: FixtureRecords; members: CrowdMember[] } {
  if (!Number.isInteger(size) || size < 0 || size > MAX_SIZE) {
    throw new RangeError(`guardianCrowd: expected 0 to ${MAX_SIZE} members`);
  }
  const records: FixtureRecords = { persons: [], birthRecords: [], decisions: [] };
  const members: CrowdMember[] = [];
  const decided = addDays(today, -14);

  for (let i = 0; i < size; i++) {
    const serial = 8_000 + 100 * Math.floor(i / DATES);
    const offset = i % DATES;
    const guardian = person(
      'Толқынова',
      'Әйгерім',
      addDays('1980-01-01', offset),
      'female',
      serial,
    );
    const mother = {
      ...person('Толқынова', 'Мадина', addDays('1984-01-01', offset), 'female', serial),
      alive: false,
    };
    const childBorn = addDays(addYears(today, -8), -offset);
    const child = person('Толқынов', 'Ерлан', childBorn, 'male', serial);

    records.persons.push(guardian, mother, child);
    records.birthRecords.push({
      child: {
        iin: child.iin,
        lastName: child.lastName,
        firstName: child.firstName,
        birthDate: childBorn,
      },
      parents: [mother.iin],
    });
    records.decisions.push({
      providerId: PROVIDERS[i % PROVIDERS.length] as string,
      number: `№ 7-${i + 1}`,
      date: decided,
      guardianIin: guardian.iin,
      childIin: child.iin,
      kind: 'guardianship',
      start: decided,
    });
    members.push({ iin: guardian.iin, childIin: child.iin, type: 'guardianship' });
  }
  return { records, members };
}

function person(
  lastName: string,
  firstName: string,
  birthDate: Day,
  sex: 'male' | 'female',
  serial: number,
): PersonRecord {
  return { iin: demoIin(birthDate, sex, serial), lastName, firstName, birthDate, sex, alive: true };
}
