import { parseIin } from '../domain/iin.js';
import { SERIAL } from '../domain/serial.js';
import type { MessageKey } from '../web/i18n/translator.js';

/** What is wrong with one field of the lookup form, as a message of the `home` section. */
export interface LookupProblem {
  field: 'serial' | 'iin';
  message: MessageKey;
}

/** Why an IIN would be refused, in the words for the field; undefined when it is a real IIN. */
export function iinProblem(iin: string): MessageKey | undefined {
  if (!iin) return 'home.lookupIinMissing';
  const parsed = parseIin(iin);
  if (parsed.ok) return undefined;
  if (parsed.reason === 'format') return 'home.lookupBadIin';
  if (parsed.reason === 'check_digit') return 'home.lookupIinCheckDigit';
  return 'home.lookupIinNotReal';
}

/**
 * The serial and the IIN judged in the page by the API's own rules (src/domain), before either
 * is sent: a mistyped digit is named under its field at once, and a wrong IIN never leaves the
 * page. The serial is read as the API reads it, trimmed and in capitals.
 */
export function lookupProblems(serial: string, iin: string): LookupProblem[] {
  const problems: LookupProblem[] = [];
  const typed = serial.trim().toUpperCase();
  if (!typed) problems.push({ field: 'serial', message: 'home.lookupSerialMissing' });
  else if (!SERIAL.test(typed)) problems.push({ field: 'serial', message: 'home.lookupBadSerial' });

  const iinMessage = iinProblem(iin.trim());
  if (iinMessage) problems.push({ field: 'iin', message: iinMessage });
  return problems;
}
