/**
 * The one rule for control characters in text the registry keeps. NUL cannot be stored in a
 * PostgreSQL `text` column at all, and the other C0 and C1 controls (escape sequences, backspace,
 * bell) have no place in a name, a number or an officer's comment: they hide text on a terminal
 * and in logs. Multi-line text such as a comment keeps its line breaks and tabs.
 */

const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LAYOUT = /[^\P{Cc}\t\n\r]/u;

/**
 * True when `text` holds a control character. With `multiline`, a tab, line feed and carriage
 * return (a browser sends form text with CR LF) are allowed.
 */
export function hasControlCharacter(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LAYOUT : CONTROL).test(text);
}

/** The message part for a value refused by `hasControlCharacter`. */
export const CONTROL_CHARACTER_FOUND = 'found a control character';
