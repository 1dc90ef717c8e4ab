/**
 * The character rules of c2sp.org/signed-note (Format): notes are UTF-8 and hold no ASCII control
 * character other than newline. Checkpoint lines and key names, which live inside notes, obey
 * the same rules.
 */

/** Whether `text` holds a character below U+0020, newline included unless `newlineAllowed`. */
export function hasControlCharacter(text: string, newlineAllowed = false): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !(newlineAllowed && code === 0x0a)) return true;
  }
  return false;
}

/** Why `text` cannot be the text of a note, or null when it can. */
export function noteTextProblem(text: string): string | null {
  if (text.length === 0 || !text.endsWith('\n')) return 'expected text ending in a newline';
  if (hasControlCharacter(text, true)) return 'contains a control character';
  // A JS string can hold a lone surrogate, which has no UTF-8 encoding at all.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    return 'is not valid UTF-8 (lone surrogate)';
  }
  return null;
}
