/**
 * The form of each field of a certificate request, checked one field at a time before the rules
 * that relate fields to each other (`validity.ts`). Each failure names its field path, says what
 * was expected, and never repeats the value: the values are personal data.
 */

import { isValidDay } from './calendar.js';
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  type Child,
  type Day,
  type Decision,
  type Person,
} from './certificate.js';
import { fieldError } from './errors.js';
import { type IinFailure, parseIin, type Sex } from './iin.js';
import { normalizeName } from './names.js';

export const DECISION_NUMBER_MAX_LENGTH = 50;

export interface CertificateRequest {
  type: CertificateType;
  guardian: Person;
  child: Child;
  decision: Decision;
  validUntil?: Day;
}

/** What the web layer hands over: the same shape, with `type` not yet known to be a valid type. */
export type CertificateRequestInput = Omit<CertificateRequest, 'type'> & { type: string };

/** A request whose every field has the right form, with what the two IINs encode. */
export interface WellFormedRequest extends CertificateRequest {
  guardianIin: { birthDate: Day; sex: Sex };
  childIin: { birthDate: Day; sex: Sex };
}

const IIN_PROBLEM: Record<IinFailure, string> = {
  format: 'expected exactly 12 digits; found something else',
  check_digit: 'the check digit does not match the other 11 digits',
  century: 'the 7th digit must be 1 to 6 (century and sex of a person); found another digit',
  birth_date: 'the first 6 digits must be a real birth date (YYMMDD); they are not',
};

/**
 * Checks the form of every field in request order (type, guardian, child, decision, validUntil)
 * and returns the request normalized: names in NFC with spaces collapsed, a blank patronymic
 * dropped, the decision number trimmed. Throws the first failure as an `AppError`.
 */
export function readRequestForm(input: CertificateRequestInput): WellFormedRequest {
  const type = readType(input.type);

  const guardian = readPerson(input.guardian, 'guardian');
  const guardianIin = readIin(guardian.iin, 'guardian.iin');

  const child: Child = { ...readPerson(input.child, 'child'), birthDate: input.child.birthDate };
  const childIin = readIin(child.iin, 'child.iin');
  readDay(child.birthDate, 'child.birthDate');

  const decision = { number: readDecisionNumber(input.decision.number), date: input.decision.date };
  readDay(decision.date, 'decision.date');

  const request: WellFormedRequest = { type, guardian, child, decision, guardianIin, childIin };
  if (input.validUntil !== undefined) request.validUntil = readDay(input.validUntil, 'validUntil');
  return request;
}

function readType(type: string): CertificateType {
  const known = CERTIFICATE_TYPES.find((candidate) => candidate === type);
  if (known !== undefined) return known;

  const expected = CERTIFICATE_TYPES.join(' or ');
  throw fieldError('validation_failed', 'type', `expected ${expected}; found another value`);
}

function readPerson(person: Person, path: string): Person {
  const read: Person = {
    iin: person.iin,
    lastName: normalizeName(person.lastName, `${path}.lastName`),
    firstName: normalizeName(person.firstName, `${path}.firstName`),
  };

  // A blank patronymic is the same as none: many Kazakh names have none.
  if (person.middleName !== undefined && person.middleName.trim() !== '') {
    read.middleName = normalizeName(person.middleName, `${path}.middleName`);
  }

  return read;
}

/**
 * Reads an IIN given in the request field `field`; every caller reports a bad one the same way.
 *
 * @throws AppError `invalid_iin` naming `field` and what is wrong with the number.
 */
export function readIin(iin: string, field: string) {
  const parsed = parseIin(iin);
  if (!parsed.ok) throw fieldError('invalid_iin', field, IIN_PROBLEM[parsed.reason]);
  return { birthDate: parsed.birthDate, sex: parsed.sex };
}

function readDay(day: string, field: string): Day {
  if (isValidDay(day)) return day;
  throw fieldError('validation_failed', field, 'expected a real date as YYYY-MM-DD; found another');
}

function readDecisionNumber(value: string): string {
  const number = value.trim();
  const expected = `expected 1 to ${DECISION_NUMBER_MAX_LENGTH} printable characters`;

  const length = [...number].length;
  if (length === 0 || length > DECISION_NUMBER_MAX_LENGTH) {
    throw fieldError('validation_failed', 'decision.number', `${expected}; found ${length}`);
  }

  // Control, invisible formatting, unassigned and private-use characters, and line breaks.
  if (/[\p{C}\p{Zl}\p{Zp}]/u.test(number)) {
    const found = 'found an unprintable character';
    throw fieldError('validation_failed', 'decision.number', `${expected}; ${found}`);
  }

  return number;
}
