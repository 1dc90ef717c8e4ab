/**
 * The demo cases behind the fixture gateway: one applicant per outcome of issue 3, each with the
 * state records that lead to it. Birth dates and decision dates are counted back from `today`,
 * so a child stays 8 or 15 whatever day the demo runs, and no case ages into another outcome.
 *
 * Names, phones and IINs are made up; IINs are valid (check digit, century, birth date).
 */

import { demoIin } from '../demo/demo-iin.js';
import { addDays, addYears } from '../domain/calendar.js';
import type { CertificateType, Day } from '../domain/certificate.js';
import type { Sex } from '../domain/iin.js';
import {
  type BirthRecord,
  birthRecordExpected,
  type GuardianshipDecision,
  type PersonRecord,
} from './gateway.js';

/** Refusal reasons of issue 3, as the personas name them. */
export type RefusalReason =
  | 'no_decision'
  | 'decision_terminated'
  | 'not_guardian'
  | 'child_adult'
  | 'person_unknown';

export type PersonaOutcome = 'issued' | 'review' | `refused:${RefusalReason}`;

/** One applicant, the outcome their application should reach, and the records behind it. */
export interface FixtureCase {
  key: string;
  applicant: PersonRecord & { phone: string };
  /** Whether the applicant holds an EDS, derived from `demoEdsSeed(key)`. */
  eds: boolean;
  childIin: string;
  type: CertificateType;
  outcome: PersonaOutcome;
  /** One line for the demo's README and persona list. */
  story: string;
  /** Everyone else the case puts in the identity registry: the child, parents, guardians. */
  persons: PersonRecord[];
  birthRecords: BirthRecord[];
  decisions: GuardianshipDecision[];
}

type Name = [lastName: string, firstName: string, middleName?: string];

/**
 * The demo persona whose certificate is already in the cabinet when the demo starts: in demo
 * mode the boot stores an application for her and works it to `issued` (src/demo/seed.ts).
 */
export const RETURNING_APPLICANT = 'returning-applicant';

/** The nine demo cases, in the order the demo lists them. */
export function fixtureCases(today: Day): FixtureCase[] {
  return [
    guardianshipInAstana(today),
    trusteeshipInAlmaty(today),
    returningApplicant(today),
    noDecision(today),
    decisionTerminated(today),
    notTheGuardian(today),
    childAdult(today),
    childUnknown(today),
    bornAbroad(today),
  ];
}

function guardianshipInAstana(today: Day): FixtureCase {
  const guardian = person(['Әбілқасымова', 'Гүлнұр', 'Серікқызы'], '1985-04-12', 'female', 3021);
  const father = deceased(
    person(['Әбілқасымов', 'Нұрлан', 'Серікұлы'], '1982-09-02', 'male', 2210),
  );
  const mother = deceased(
    person(['Жақсылықова', 'Динара', 'Болатқызы'], '1987-01-19', 'female', 2615),
  );
  const boy = person(['Нұрланұлы', 'Әлихан'], born(today, 8, 41), 'male', 1147);
  const decided = addDays(today, -14);

  return {
    key: 'issued-guardianship-astana',
    applicant: { ...guardian, phone: '+77011234567' },
    eds: true,
    childIin: boy.iin,
    type: 'guardianship',
    outcome: 'issued',
    story: 'Aunt of an orphaned boy of 8, appointed guardian by the Astana akimat two weeks ago.',
    persons: [boy, father, mother],
    birthRecords: births(boy, [father, mother]),
    decisions: [
      decision('prv_astana', '№ 1-15/2345', decided, guardian, boy, 'guardianship', decided),
    ],
  };
}

function trusteeshipInAlmaty(today: Day): FixtureCase {
  const trustee = person(['Иванов', 'Сергей', 'Петрович'], '1979-02-14', 'male', 2250);
  const father = deceased(person(['Иванов', 'Алексей', 'Петрович'], '1981-07-03', 'male', 2311));
  const mother = person(['Иванова', 'Елена', 'Викторовна'], '1984-11-22', 'female', 2402);
  const girl = person(['Иванова', 'Дарья', 'Алексеевна'], born(today, 15, 120), 'female', 1302);
  const decided = addDays(today, -14);
  const end = lastDayUnder(girl.birthDate, 18);

  return {
    key: 'issued-trusteeship-almaty',
    applicant: { ...trustee, phone: '+77017654321' },
    eds: false,
    childIin: girl.iin,
    type: 'trusteeship',
    outcome: 'issued',
    story: 'Uncle of a girl of 15, appointed trustee by the Medeu district akimat of Almaty.',
    persons: [girl, father, mother],
    birthRecords: births(girl, [father, mother]),
    decisions: [
      decision(
        'prv_almaty_medeu',
        '05-09/781',
        decided,
        trustee,
        girl,
        'trusteeship',
        decided,
        end,
      ),
    ],
  };
}

function returningApplicant(today: Day): FixtureCase {
  const grandmother = person(
    ['Бекмұхамбетова', 'Гүлжан', 'Сағатқызы'],
    '1963-05-27',
    'female',
    2733,
  );
  const mother = deceased(
    person(['Бекмұхамбетова', 'Ақмарал', 'Асқарқызы'], '1989-10-14', 'female', 2741),
  );
  const boy = person(['Бекмұхамбетов', 'Алдияр', 'Даниярұлы'], born(today, 11, 150), 'male', 1733);
  const decided = addDays(today, -160);
  const end = lastDayUnder(boy.birthDate, 14);

  return {
    key: RETURNING_APPLICANT,
    applicant: { ...grandmother, phone: '+77052468013' },
    eds: true,
    childIin: boy.iin,
    type: 'guardianship',
    outcome: 'issued',
    story:
      'Grandmother of an orphaned boy of 11, guardian by decision of the Medeu district akimat ' +
      'of Almaty: she applied at the demo’s first start, so her certificate is already in her ' +
      'cabinet, ready to download and share.',
    persons: [boy, mother],
    birthRecords: births(boy, [mother]),
    decisions: [
      decision(
        'prv_almaty_medeu',
        '05-09/233',
        decided,
        grandmother,
        boy,
        'guardianship',
        decided,
        end,
      ),
    ],
  };
}

function noDecision(today: Day): FixtureCase {
  const aunt = person(['Серікбаева', 'Мадина', 'Асқарқызы'], '1992-06-30', 'female', 1510);
  const father = person(['Асқаров', 'Ерлан', 'Асқарұлы'], '1989-03-14', 'male', 1533);
  const mother = person(['Омарова', 'Жанар', 'Маратқызы'], '1991-05-05', 'female', 1571);
  const boy = person(['Ерланұлы', 'Нұрсұлтан'], born(today, 6, 75), 'male', 1620);

  return {
    key: 'refused-no-decision',
    applicant: { ...aunt, phone: '+77051112233' },
    eds: true,
    childIin: boy.iin,
    type: 'guardianship',
    outcome: 'refused:no_decision',
    story: 'Looks after her brother’s son while the parents work abroad; no akimat appointed her.',
    persons: [boy, { ...father, phone: '+77759990011' }, mother],
    birthRecords: births(boy, [father, mother]),
    decisions: [],
  };
}

function decisionTerminated(today: Day): FixtureCase {
  const uncle = person(['Жұмабаев', 'Ерлан', 'Қайратұлы'], '1990-11-05', 'male', 4410);
  const father = person(['Жұмабаев', 'Қанат', 'Қайратұлы'], '1987-08-08', 'male', 4470);
  const mother = person(['Сейітова', 'Гүлмира', 'Асанқызы'], '1989-12-01', 'female', 4520);
  const girl = person(['Жұмабаева', 'Әйгерім', 'Қанатқызы'], born(today, 6, 200), 'female', 2890);
  const decided = addDays(today, -400);
  const appointment = decision(
    'prv_astana',
    '№ 1-15/1990',
    decided,
    uncle,
    girl,
    'guardianship',
    decided,
    lastDayUnder(girl.birthDate, 14),
  );

  return {
    key: 'refused-decision-terminated',
    applicant: { ...uncle, phone: '+77022223344' },
    eds: true,
    childIin: girl.iin,
    type: 'guardianship',
    outcome: 'refused:decision_terminated',
    story: 'Uncle whose guardianship ended a month ago, when the girl went back to her parents.',
    persons: [girl, father, mother],
    birthRecords: births(girl, [father, mother]),
    decisions: [
      {
        ...appointment,
        terminated: { on: addDays(today, -30), reason: 'Ребёнок возвращён родителям' },
      },
    ],
  };
}

function notTheGuardian(today: Day): FixtureCase {
  const friend = person(['Ким', 'Виктор', 'Сергеевич'], '1975-08-21', 'male', 3377);
  const grandmother = person(['Ли', 'Наталья', 'Борисовна'], '1958-03-10', 'female', 917);
  const father = deceased(person(['Ли', 'Дмитрий', 'Викторович'], '1980-10-10', 'male', 981));
  const girl = person(['Ли', 'Алина', 'Дмитриевна'], born(today, 12, 10), 'female', 1455);
  const decided = addDays(today, -200);
  const end = lastDayUnder(girl.birthDate, 14);

  return {
    key: 'refused-not-guardian',
    applicant: { ...friend, phone: '+77079998877' },
    eds: false,
    childIin: girl.iin,
    type: 'guardianship',
    outcome: 'refused:not_guardian',
    story: 'A family friend applies, but the decision names the girl’s grandmother as guardian.',
    persons: [girl, { ...grandmother, phone: '+77087776655' }, father],
    birthRecords: births(girl, [father]),
    decisions: [
      decision(
        'prv_almaty_medeu',
        '05-09/412',
        decided,
        grandmother,
        girl,
        'guardianship',
        decided,
        end,
      ),
    ],
  };
}

function childAdult(today: Day): FixtureCase {
  const aunt = person(['Тоқтарова', 'Сәуле', 'Бекболатқызы'], '1970-01-25', 'female', 1234);
  const father = deceased(person(['Тоқтаров', 'Аслан', 'Бекболатұлы'], '1972-04-17', 'male', 1290));
  const boy = person(['Тоқтаров', 'Дәулет', 'Асланұлы'], born(today, 18, 60), 'male', 1777);
  const decided = addYears(today, -3);
  const end = lastDayUnder(boy.birthDate, 18);

  return {
    key: 'refused-child-adult',
    applicant: { ...aunt, phone: '+77785554433' },
    eds: true,
    childIin: boy.iin,
    type: 'trusteeship',
    outcome: 'refused:child_adult',
    story: 'Former trustee of a nephew who turned 18 two months ago; the trusteeship has ended.',
    persons: [boy, father],
    birthRecords: births(boy, [father]),
    decisions: [
      decision('prv_astana', '№ 2-07/318', decided, aunt, boy, 'trusteeship', decided, end),
    ],
  };
}

function childUnknown(today: Day): FixtureCase {
  const applicant = person(['Омаров', 'Тимур', 'Русланович'], '1988-12-12', 'male', 2044);

  return {
    key: 'refused-person-unknown',
    applicant: { ...applicant, phone: '+77476667788' },
    eds: false,
    // A well-formed IIN that no state system knows, as when one is copied from paper wrongly.
    childIin: demoIin(born(today, 9, 15), 'male', 7001),
    type: 'guardianship',
    outcome: 'refused:person_unknown',
    story: 'Applies with a child IIN that no state system knows, copied wrongly from paper.',
    persons: [],
    birthRecords: [],
    decisions: [],
  };
}

function bornAbroad(today: Day): FixtureCase {
  const guardian = person(['Сейітқали', 'Айжан', 'Маратқызы'], '1987-03-08', 'female', 1999);
  const girl = person(
    ['Сейітқали', 'Томирис', 'Бауыржанқызы'],
    born(today, 10, 100),
    'female',
    1650,
  );
  const decided = addDays(today, -90);
  const end = lastDayUnder(girl.birthDate, 14);

  return {
    key: 'review-born-abroad',
    applicant: { ...guardian, phone: '+77013334455' },
    eds: true,
    childIin: girl.iin,
    type: 'guardianship',
    outcome: 'review',
    story:
      'Guardian of a girl born and registered in Novosibirsk: the civil registry holds no ' +
      'record, so she attaches a copy of the birth certificate and an officer reviews it.',
    persons: [girl],
    birthRecords: [],
    decisions: [
      decision(
        'prv_almaty_medeu',
        '05-09/655',
        decided,
        guardian,
        girl,
        'guardianship',
        decided,
        end,
      ),
    ],
  };
}

function person([lastName, firstName, middleName]: Name, birthDate: Day, sex: Sex, serial: number) {
  const record: PersonRecord = {
    iin: demoIin(birthDate, sex, serial),
    lastName,
    firstName,
    birthDate,
    sex,
    alive: true,
  };
  if (middleName !== undefined) record.middleName = middleName;
  return record;
}

function deceased(record: PersonRecord): PersonRecord {
  return { ...record, alive: false };
}

/** The birth day of someone `years` and `days` old on `today`. */
function born(today: Day, years: number, days: number): Day {
  return addDays(addYears(today, -years), -days);
}

/** The day before the birthday on which someone born on `birthDate` turns `years`. */
function lastDayUnder(birthDate: Day, years: number): Day {
  return addDays(addYears(birthDate, years), -1);
}

/** The child's birth record, or none when the child was born before the digital registry. */
function births(child: PersonRecord, parents: PersonRecord[]): BirthRecord[] {
  if (!birthRecordExpected(child.birthDate)) return [];

  const { iin, lastName, firstName, middleName, birthDate } = child;
  const names =
    middleName === undefined ? { lastName, firstName } : { lastName, firstName, middleName };
  return [{ child: { iin, ...names, birthDate }, parents: parents.map((parent) => parent.iin) }];
}

function decision(
  providerId: string,
  number: string,
  date: Day,
  guardian: PersonRecord,
  child: PersonRecord,
  kind: CertificateType,
  start: Day,
  end?: Day,
): GuardianshipDecision {
  const record: GuardianshipDecision = {
    providerId,
    number,
    date,
    guardianIin: guardian.iin,
    childIin: child.iin,
    kind,
    start,
  };
  if (end !== undefined) record.end = end;
  return record;
}
