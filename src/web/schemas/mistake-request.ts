import { z } from 'zod';
import { CONTROL_CHARACTER_FOUND, hasControlCharacter } from '../../domain/free-text.js';
import { LANGUAGES } from '../i18n/languages.js';
import { freeText } from './free-text.js';

/** `POST /api/v1/mistakes`: what the reader marked on which page, and an optional comment. */
export const mistakeRequest = z.strictObject({
  page: z
    .string()
    .min(1)
    .max(2000)
    // A path of this site: `//host` or `/\host` would name another site.
    .regex(/^\/(?![/\\])\S*$/, 'expected the page path, starting with /')
    .refine((page) => !hasControlCharacter(page), CONTROL_CHARACTER_FOUND),
  selected: freeText(1000).trim().min(1, 'select the text with the mistake'),
  comment: freeText(1000).optional(),
  lang: z.enum(LANGUAGES),
});
