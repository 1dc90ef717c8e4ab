import type { CertificateRecord, CertificateType } from '../../src/domain/certificate.js';
import { NAME_MAX_LENGTH } from '../../src/domain/names.js';
import { DECISION_NUMBER_MAX_LENGTH } from '../../src/domain/request-form.js';
import { sampleRecord, stressRecord } from './fixture.js';

/** The capitals of the Kazakh alphabet, which are wider than its small letters. */
export const KAZAKH_CAPITALS = 'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ';

/** The widest letter of PT Sans Bold that a name may hold. */
export const WIDEST_LETTER = 'Њ';

/**
 * One name part of `length` letters and no space. Stepping through the 42 capitals by 5 visits
 * every one of them and keeps neighbours different, so a lost or doubled letter would show.
 */
export function longWord(length: number, offset: number, alphabet = KAZAKH_CAPITALS): string {
  const letters = [...alphabet];
  return Array.from({ length }, (_, i) => letters[(i * 5 + offset) % letters.length]).join('');
}

/** The thumbprint of RFC 7638, section 3.1: the shape of every key id, `-` and `_` included. */
export const THUMBPRINT_KID = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

/** The longest provider names we know of; configuration, not the API, sets them. */
const LONG_PROVIDER = {
  id: 'almaty-region-enbekshikazakh-education',
  nameKk:
    'Алматы облысы Еңбекшіқазақ ауданы бойынша білім бөлімінің қорғаншылық және ' +
    'қамқоршылық жөніндегі функцияларын жүзеге асыратын мемлекеттік мекемесі',
  nameRu:
    'Государственное учреждение «Отдел образования по Енбекшиказахскому району управления ' +
    'образования Алматинской области», осуществляющее функции по опеке и попечительству',
};

/**
 * The longest record the API accepts: every name part at 100 letters without a space, a
 * 50-character decision number without a space, and the longest provider names. The parts differ
 * from each other, so a test can find each one.
 */
export function worstRecord(
  type: CertificateType,
  alphabet: string = KAZAKH_CAPITALS,
): CertificateRecord {
  const base = type === 'guardianship' ? sampleRecord : stressRecord;
  const part = (offset: number) => longWord(NAME_MAX_LENGTH, offset, alphabet);

  return {
    ...base,
    type,
    provider: LONG_PROVIDER,
    guardian: { ...base.guardian, lastName: part(0), firstName: part(1), middleName: part(2) },
    child: { ...base.child, lastName: part(3), firstName: part(4), middleName: part(5) },
    decision: { ...base.decision, number: 'W'.repeat(DECISION_NUMBER_MAX_LENGTH) },
    kid: THUMBPRINT_KID,
  };
}

/** What the tester reported: a 40-letter double surname and a decision number of 50 `W`. */
export const reportedRecord: CertificateRecord = {
  ...sampleRecord,
  guardian: { ...sampleRecord.guardian, lastName: 'Әбдірахманова-Сүлейменова-Нұрмұхамбетова' },
  decision: { ...sampleRecord.decision, number: 'W'.repeat(DECISION_NUMBER_MAX_LENGTH) },
};
