/**
 * The one rule for control and invisible characters in text the registry keeps. NUL cannot be
 * stored in a PostgreSQL `text` column at all, and the other C0 and C1 controls (escape
 * sequences, backspace, bell) have no place in a name, a number or an officer's comment: they
 * hide text on a terminal and in logs. Multi-line text such as a comment keeps its line breaks and tabs.
 */

const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LAYOUT = /[^\P{Cc}\t\n\r]/u;
const INVISIBLE = /\p{Cf}/u;

/**
 * True when `text` holds a control character. With `multiline`, a tab, line feed and carriage
 * return (a browser sends form text with CR LF) are allowed.
 */
export function hasControlCharacter(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LAYOUT : CONTROL).test(text);
}

/** The message part for a value refused by `hasControlCharacter`. */
export const CONTROL_CHARACTER_FOUND = 'found a control character';

/**
 * True when `text` holds an invisible formatting character (Unicode category Cf): bidi overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that make a comment read otherwise on screen than
 * in the record, zero-width spaces and joiners, the soft hyphen, a BOM. Names refuse them all
 * (names.ts), and so does free text: the registry's texts in Kazakh, Russian and English need
 * none of them.
 */
export function hasInvisibleCharacter(text: string): boolean {
  return INVISIBLE.test(text);
}

/** The message part for a value refused by `hasInvisibleCharacter`. */
export const INVISIBLE_CHARACTER_FOUND = 'found an invisible formatting character';
