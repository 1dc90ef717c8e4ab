/**
 * Personal names as the registry stores and prints them. The rules are loose on purpose: names of
 * citizens of Kazakhstan come in Kazakh and Russian Cyrillic, in the Latin alphabet, and in the
 * Cyrillic of neighbouring languages, so any Cyrillic or Latin letter is accepted, with spaces,
 * hyphens and apostrophes between them (one at a time, never first or last), one script per name.
 * What is refused is what cannot be part of a name on an identity document: digits, control and
 * invisible formatting characters, other symbols, and Latin lookalikes mixed into a Cyrillic name.
 */

import type { Person } from './certificate.js';
import { fieldError } from './errors.js';
import { hasControlCharacter, hasInvisibleCharacter } from './free-text.js';

export const NAME_MAX_LENGTH = 100;

const LETTER = /^\p{L}$/u;
const ALPHABET = /^[\p{Script=Cyrillic}\p{Script=Latin}]$/u;
const CYRILLIC = /^\p{Script=Cyrillic}$/u;
const LATIN = /^\p{Script=Latin}$/u;
// ASCII apostrophe, right single quotation mark and modifier letter apostrophe (used by the
// Latin Kazakh alphabet of 2017) are all typed for the same sign.
const JOINERS = new Set([' ', '-', "'", '\u2019', '\u02BC']);

/**
 * Returns the name in the form the registry keeps: Unicode NFC (so `й` typed as `и` plus a breve
 * is one letter), trimmed, with runs of spaces collapsed. Throws `validation_failed` on `field`
 * when the result is empty, longer than 100 characters, or holds anything but letters and joiners.
 * The message names what kind of character was found, never the name itself.
 */
export function normalizeName(value: string, field: string): string {
  if (hasControlCharacter(value) || hasInvisibleCharacter(value)) {
    throw nameError(field, 'found a control or invisible formatting character');
  }

  const name = value
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .trim();
  const characters = [...name];
  if (characters.length === 0) throw nameError(field, 'found an empty value');
  if (characters.length > NAME_MAX_LENGTH) {
    throw nameError(field, `found ${characters.length} characters`);
  }

  for (const character of characters) {
    if (JOINERS.has(character)) continue;
    if (/^\p{N}$/u.test(character)) throw nameError(field, 'found a digit');
    if (!LETTER.test(character)) {
      throw nameError(field, 'found a character that is not a letter, space, hyphen or apostrophe');
    }
    if (!ALPHABET.test(character)) {
      throw nameError(field, 'found a letter outside Cyrillic and Latin');
    }
  }

  if (!characters.some((character) => LETTER.test(character))) {
    throw nameError(field, 'found no letter');
  }

  // Joiners stand between letters: `-Иван`, `Иван'` and `Анна--Мария` are slips of the keyboard
  // that would be printed as they are on a certificate.
  const joinerAt = (index: number) => JOINERS.has(characters[index] as string);
  if (joinerAt(0) || joinerAt(characters.length - 1)) {
    throw nameError(field, 'found a hyphen, apostrophe or space at the start or end');
  }
  if (characters.some((_, index) => index > 0 && joinerAt(index) && joinerAt(index - 1))) {
    throw nameError(field, 'found two hyphens, apostrophes or spaces in a row');
  }

  // Latin lookalikes inside a Cyrillic name (Latin `i` for Kazakh `і`, `C` for `С`) read the
  // same on paper and on the verify page but make another name: one script per name.
  const cyrillic = characters.some((character) => CYRILLIC.test(character));
  const latin = characters.some((character) => LATIN.test(character));
  if (cyrillic && latin) {
    throw nameError(field, 'found Cyrillic and Latin letters mixed in one name');
  }

  return name;
}

/**
 * Surname followed by initials, as verification answers show a person without their full name:
 * `Әбілқасымова Г. С.`, or `Smith J.` without a patronymic. Each part of a hyphenated given name
 * keeps its initial (`Анна-Мария` gives `А.-М.`). Initials are whole code points upper-cased, so
 * Kazakh letters such as `ә`, `ғ`, `і` come out as `Ә.`, `Ғ.`, `І.`.
 */
export function initials(person: Pick<Person, 'lastName' | 'firstName' | 'middleName'>): string {
  const parts = [collapse(person.lastName), initialsOf(person.firstName)];
  if (person.middleName !== undefined) parts.push(initialsOf(person.middleName));
  return parts.filter((part) => part.length > 0).join(' ');
}

function initialsOf(name: string): string {
  return collapse(name)
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map(initialOf)
        .filter((initial) => initial.length > 0)
        .join('-'),
    )
    .filter((word) => word.length > 0)
    .join(' ');
}

function initialOf(word: string): string {
  const letter = [...word].find((character) => LETTER.test(character));
  return letter === undefined ? '' : `${letter.toUpperCase()}.`;
}

function collapse(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function nameError(field: string, found: string) {
  const allowed = 'Cyrillic or Latin letters, spaces, hyphens or apostrophes';
  return fieldError(
    'validation_failed',
    field,
    `expected 1 to ${NAME_MAX_LENGTH} ${allowed}; ${found}`,
  );
}
