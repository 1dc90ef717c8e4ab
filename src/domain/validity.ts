/**
 * The rules a certificate request must satisfy before anything is signed, and the validity window
 * they give. Pure: the issue day comes in as `today`, an Almaty calendar day (see `localDay`).
 *
 * Guardianship covers a child under 14 and trusteeship a child from 14 to 17 (DESIGN.md). Each ends
 * when the child reaches the next age, so a certificate is valid at most through the day BEFORE
 * the 14th birthday (guardianship) or the 18th birthday (trusteeship): on the birthday itself the
 * child is no longer in that care. Birthdays on 29 February fall as `addYears` places them.
 */

import { addDays, addYears, ageOn, compareDays, isValidDay } from './calendar.js';
import { CERTIFICATE_TYPES, type CertificateType, type Day } from './certificate.js';
import { AppError, fieldError } from './errors.js';
import {
  type CertificateRequest,
  type CertificateRequestInput,
  readRequestForm,
} from './request-form.js';

export type { CertificateRequest, CertificateRequestInput } from './request-form.js';

export const ADULT_AGE = 18;

/**
 * The oldest a guardian can plausibly be on the day of the akimat's decision. An IIN encodes any
 * birth date from 1800 on, so a slip of one digit in the century (`1850` for `1985`) gives a
 * guardian of 176 that no other rule catches; no authority appoints a guardian past 100.
 */
export const MAX_GUARDIAN_AGE = 100;

/** The child's age on the issue day, from `from` up to but not including `until`, per type. */
export const AGE_RANGE: Readonly<Record<CertificateType, { from: number; until: number }>> = {
  guardianship: { from: 0, until: 14 },
  trusteeship: { from: 14, until: ADULT_AGE },
};

export interface CheckedRequest {
  ok: true;
  /** The request with names and the decision number normalized and `validUntil` filled in. */
  request: CertificateRequest;
  validFrom: Day;
  validUntil: Day;
}

export type RequestCheck = CheckedRequest | { ok: false; error: AppError };

/**
 * Checks a request against every rule and returns the validity window, or the first broken rule
 * as an `AppError` with the field path. The form of each field is checked first
 * (`readRequestForm`), then the rules between fields, in the order of the steps below.
 */
export function checkCertificateRequest(input: CertificateRequestInput, today: Day): RequestCheck {
  try {
    return assertCertificateRequest(input, today);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    throw error;
  }
}

/** Same as `checkCertificateRequest`, but throws the `AppError` instead of returning it. */
export function assertCertificateRequest(
  input: CertificateRequestInput,
  today: Day,
): CheckedRequest {
  if (!isValidDay(today)) throw new RangeError('validity: today must be a real day as YYYY-MM-DD');

  // 1. The form of each field.
  const { guardianIin, childIin, ...form } = readRequestForm(input);
  const { type, guardian, child, decision } = form;

  // 2. Who is who.
  if (guardian.iin === child.iin) {
    const detail = 'expected a person other than the guardian; the IINs are equal';
    throw fieldError('same_person', 'child.iin', detail);
  }

  if (childIin.birthDate !== child.birthDate) {
    const detail = 'expected the birth date encoded in child.iin; the two differ';
    throw fieldError('iin_birth_date_mismatch', 'child.birthDate', detail);
  }

  if (compareDays(child.birthDate, today) > 0) {
    const detail = 'expected a day not after the issue day; found a later day';
    throw fieldError('date_out_of_range', 'child.birthDate', detail);
  }

  if (ageOn(guardianIin.birthDate, today) < ADULT_AGE) {
    const expected = `expected a guardian aged ${ADULT_AGE} or over on the issue day`;
    throw fieldError('guardian_not_adult', 'guardian.iin', `${expected}; the IIN gives a minor`);
  }

  if (ageOn(guardianIin.birthDate, decision.date) > MAX_GUARDIAN_AGE) {
    const expected = `expected a guardian aged ${MAX_GUARDIAN_AGE} or under on the decision date`;
    const detail = `${expected}; the IIN gives an older person`;
    throw fieldError('guardian_age_implausible', 'guardian.iin', detail);
  }

  // 3. The child's age decides the type.
  checkAgeFitsType(type, ageOn(child.birthDate, today));

  // 4. The decision of the akimat: taken by the issue day, and not before the child was born.
  if (compareDays(decision.date, today) > 0) {
    const detail = 'expected a day not after the issue day; found a later day';
    throw fieldError('date_out_of_range', 'decision.date', detail);
  }

  if (compareDays(decision.date, child.birthDate) < 0) {
    const detail = "expected a day not before the child's birth date; found an earlier day";
    throw fieldError('date_out_of_range', 'decision.date', detail);
  }

  // 5. The validity window: from the issue day to the requested day or the latest allowed.
  const latest = latestValidUntil(type, child.birthDate);
  const validUntil = form.validUntil ?? latest;
  checkValidUntil(validUntil, today, latest, type);

  return { ok: true, request: { ...form, validUntil }, validFrom: today, validUntil };
}

/**
 * The last day a certificate of `type` can be valid for a child born on `birthDate`: the day
 * before the birthday on which the child leaves that type of care (14 or 18).
 */
export function latestValidUntil(type: CertificateType, birthDate: Day): Day {
  return addDays(addYears(birthDate, AGE_RANGE[type].until), -1);
}

function checkAgeFitsType(type: CertificateType, age: number): void {
  if (age >= ADULT_AGE) {
    const expected = `expected a child under ${ADULT_AGE} on the issue day`;
    const detail = `${expected}; the birth date gives an adult`;
    throw fieldError('age_does_not_fit_type', 'child.birthDate', detail);
  }

  const { from, until } = AGE_RANGE[type];
  if (age >= from && age < until) return;

  const fitting = CERTIFICATE_TYPES.find(
    (candidate) => age >= AGE_RANGE[candidate].from && age < AGE_RANGE[candidate].until,
  );
  const expected = `${type} is for a child aged ${from} to ${until - 1} on the issue day`;
  throw fieldError(
    'age_does_not_fit_type',
    'type',
    `${expected}; the child's age calls for ${fitting}`,
  );
}

function checkValidUntil(validUntil: Day, today: Day, latest: Day, type: CertificateType): void {
  if (compareDays(validUntil, today) < 0) {
    const detail = 'expected a day not before the issue day; found an earlier day';
    throw fieldError('valid_until_out_of_range', 'validUntil', detail);
  }

  if (compareDays(validUntil, latest) > 0) {
    const birthday = `the child's ${AGE_RANGE[type].until}th birthday`;
    const detail = `expected a day before ${birthday}, when ${type} ends; found a later day`;
    throw fieldError('valid_until_out_of_range', 'validUntil', detail);
  }
}
