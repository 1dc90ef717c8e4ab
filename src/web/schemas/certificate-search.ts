import { z } from 'zod';

/**
 * `?query=`: a serial or its beginning (`AST-2026-0000`), or a surname or its beginning, in
 * Cyrillic or Latin letters. Two characters at least, so one letter does not list a registry.
 */
export const certificateQuery = z
  .string({ error: 'is required' })
  .trim()
  .min(2, 'at least 2 characters')
  .max(60, 'at most 60 characters')
  .regex(/^[\p{L}\d][\p{L}\d\s'’-]*$/u, 'expected a serial or a surname');
