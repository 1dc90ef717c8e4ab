import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.js';

/** `POST /api/v1/mistakes`: what the reader marked on which page, and an optional comment. */
export const mistakeRequest = z.strictObject({
  page: z
    .string()
    .min(1)
    .max(2000)
    // A path of this site: `//host` or `/\host` would name another site.
    .regex(/^\/(?![/\\])\S*$/, 'expected the page path, starting with /'),
  selected: z.string().trim().min(1, 'select the text with the mistake').max(1000),
  comment: z.string().max(1000).optional(),
  lang: z.enum(LANGUAGES),
});
