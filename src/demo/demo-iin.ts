import type { Day } from '../domain/certificate.js';
import { iinCheckDigit, type Sex } from '../domain/iin.js';

/**
 * A valid IIN for demo people: birth date, century-and-sex digit, a serial, and the check digit.
 * A serial whose check digit does not exist (10 on both passes) is skipped.
 */
export function demoIin(birthDate: Day, sex: Sex, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const century = Number(year) >= 2000 ? 5 : 3;
  const sexDigit = century + (sex === 'female' ? 1 : 0);

  for (let n = serial; n < serial + 100; n++) {
    const first11 = `${year?.slice(2)}${month}${day}${sexDigit}${String(n).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error('no valid IIN serial found');
}
