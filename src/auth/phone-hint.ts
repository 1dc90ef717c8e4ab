/**
 * What a citizen is shown of the phone a code went to: enough to recognise their own number,
 * `+7 701 *** ** 67` (operator code and the last two digits), never the whole number.
 */

const KZ_MOBILE = /^\+7(\d{3})\d{5}(\d{2})$/;

/**
 * Kazakhstan's mobile operator codes. A stand-in hint picks one of them, so that it reads like
 * any real hint.
 */
const OPERATOR_CODES = [
  '700',
  '701',
  '702',
  '705',
  '706',
  '707',
  '708',
  '747',
  '771',
  '775',
  '776',
  '777',
  '778',
];

/** Whether the registry can send an SMS to `phone`: `+7` and ten digits. */
export function isKzPhone(phone: string): boolean {
  return KZ_MOBILE.test(phone);
}

/** `+77011234567` → `+7 701 *** ** 67`; undefined for anything that is not `+7` and ten digits. */
export function phoneHint(phone: string): string | undefined {
  const match = KZ_MOBILE.exec(phone);
  if (!match) return undefined;
  return `+7 ${match[1]} *** ** ${match[2]}`;
}

/**
 * A hint of the same form for an IIN that gets no SMS (unknown, deceased, no phone), drawn from
 * keyed bytes of that IIN so that asking twice shows the same hint, as it would for a real phone.
 */
export function standInPhoneHint(bytes: Uint8Array): string {
  const operator = OPERATOR_CODES[(bytes[0] ?? 0) % OPERATOR_CODES.length];
  const lastTwo = String(((bytes[1] ?? 0) * 256 + (bytes[2] ?? 0)) % 100).padStart(2, '0');
  return `+7 ${operator} *** ** ${lastTwo}`;
}
