import { z } from 'zod';
import {
  CONTROL_CHARACTER_FOUND,
  hasControlCharacter,
  hasInvisibleCharacter,
  INVISIBLE_CHARACTER_FOUND,
} from '../../domain/free-text.js';

/**
 * Free text a person types and the registry keeps (an officer's comment, a reader's note): at
 * most `max` characters, line breaks and tabs allowed, no other control character (a NUL would
 * otherwise reach the database and fail there as a 500), and no invisible formatting character
 * (a bidi override would show the comment otherwise than it is stored), as names.
 */
export function freeText(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .refine((text) => !hasControlCharacter(text, { multiline: true }), CONTROL_CHARACTER_FOUND)
    .refine((text) => !hasInvisibleCharacter(text), INVISIBLE_CHARACTER_FOUND);
}
