import type { CertificateView } from '../../src/documents/view.js';
import type { CertificateRecord } from '../../src/domain/certificate.js';

/**
 * Completes an IIN with its check digit: weights 1..11 mod 11, then 3..11,1,2 when the first pass
 * gives 10. The serial is stepped until a valid number comes out, as the registry office would.
 */
export function makeIin(birth: string, centurySex: number, serial: number): string {
  const [year, month, day] = birth.split('-');
  for (let s = serial; s < serial + 20; s++) {
    const body = `${year?.slice(2)}${month}${day}${centurySex}${String(s).padStart(4, '0')}`;
    const check = iinCheckDigit(body);
    if (check !== undefined) return body + check;
  }
  throw new Error(`no valid IIN near serial ${serial}`);
}

/** The check digit of an 11-digit IIN body, or undefined when no digit can make it valid. */
export function iinCheckDigit(body: string): number | undefined {
  const digits = [...body].map(Number);
  const pass = (weights: number[]) =>
    digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;

  const first = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (first !== 10) return first;
  const second = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return second === 10 ? undefined : second;
}

/**
 * A base32 token. A version 1 token is 109 bytes, 175 characters; behind {@link LONG_PUBLIC_URL}
 * up to 187 would still fit QR version 10.
 */
export function fakeToken(length = 175): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let state = 0x2545f491;
  let token = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    token += alphabet[(state >>> 16) % 32];
  }
  return token;
}

/** The longest public base we expect in production, for worst-case QR sizing. */
export const LONG_PUBLIC_URL = 'https://verify.registry.egov.kz';

export const guardianIin = makeIin('1985-03-12', 4, 21);
export const childIin = makeIin('2013-06-14', 5, 123);

export const sampleRecord: CertificateRecord = {
  v: 1,
  id: 'crt_01HS8Q4M7N2K5V9X3B6T0R1W',
  serial: 'ОП-2024-000137',
  type: 'guardianship',
  provider: {
    id: 'astana',
    nameKk: 'Астана қаласы Сарыарқа ауданының әкімдігі',
    nameRu: 'Акимат района Сарыарка города Астаны',
  },
  guardian: {
    iin: guardianIin,
    lastName: 'Әбілқасымова',
    firstName: 'Гүлнұр',
    middleName: 'Серікқызы',
  },
  child: {
    iin: childIin,
    lastName: 'Нұрланұлы',
    firstName: 'Әлихан',
    birthDate: '2013-06-14',
  },
  decision: { number: '512-қ', date: '2024-03-14' },
  validFrom: '2024-03-15',
  validUntil: '2027-06-13',
  issuedAt: '2024-03-15T05:42:10Z',
  kid: 'reg-ed25519-2024-01',
};

export function sampleView(record: CertificateRecord = sampleRecord): CertificateView {
  return {
    record,
    verifyUrl: `${LONG_PUBLIC_URL.toUpperCase()}/V/${fakeToken()}`,
    publicUrl: LONG_PUBLIC_URL,
  };
}

/**
 * A trusteeship with long names and a long provider name, carrying the Kazakh letters the sample
 * lacks (ғ ң ө һ, and capitals), to show that nothing wraps out of its box.
 */
export const stressRecord: CertificateRecord = {
  ...sampleRecord,
  id: 'crt_01HT2Z9Y8X7W6V5U4T3S2R1Q0P',
  serial: 'ҚМ-2025-004512',
  type: 'trusteeship',
  provider: {
    id: 'almaty-region-enbekshikazakh',
    nameKk: 'Алматы облысы Еңбекшіқазақ ауданының әкімдігі',
    nameRu: 'Акимат Енбекшиказахского района Алматинской области',
  },
  guardian: {
    iin: makeIin('1979-11-02', 3, 845),
    lastName: 'Үсенбаев-Шаһмарданов',
    firstName: 'Өмірзақ',
    middleName: 'Ғалымжанұлы',
  },
  child: {
    iin: makeIin('2010-02-27', 6, 301),
    lastName: 'Ұлықбекова',
    firstName: 'Іңкәр',
    middleName: 'Өмірзаққызы',
    birthDate: '2010-02-27',
  },
  decision: { number: '1187/ҚМ-2025', date: '2025-01-20' },
  validFrom: '2025-01-21',
  validUntil: '2028-02-26',
  issuedAt: '2025-01-21T19:05:00Z',
  kid: 'reg-ed25519-2025-01-almaty-region',
};
