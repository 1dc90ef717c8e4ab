import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import { translator } from '../i18n/translator.js';
import { jsonBody } from '../middleware/json-body.js';
import { officerAuth } from '../middleware/officer-auth.js';
import { mistakeRequest } from '../schemas/mistake-request.js';
import type { AppServices } from '../services.js';

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional(),
});

/**
 * `POST /api/v1/mistakes`: a reader's report, answered with exactly one of two sentences in the
 * page's language. `GET /api/v1/mistakes`: the reports for officers, newest first.
 */
export function mistakesApiRoute(services: AppServices) {
  const { mistakes } = services.publicPages;

  return new Hono<AppEnv>()
    .post('/api/v1/mistakes', jsonBody(mistakeRequest), async (c) => {
      const input = c.req.valid('json');
      const t = translator(input.lang);

      const outcome = await mistakes.report(input, c.get('clientAddress'));
      if (outcome.ok) return c.json({ received: true, message: t('mistake.thanks') }, 201);

      c.header('Retry-After', String(outcome.retryAfter));
      const code = outcome.refusal === 'rate_limited' ? 'rate_limited' : 'service_unavailable';
      throw new AppError(code, t('mistake.sorry'));
    })
    .get('/api/v1/mistakes', officerAuth(services.store), async (c) => {
      const parsed = listQuery.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path.join('.');
        throw new AppError('validation_failed', `${field}: ${issue?.message}`, field);
      }

      const rows = await mistakes.list(parsed.data.limit, parsed.data.before);
      return c.json({
        reports: rows.map((row) => ({
          seq: row.seq,
          page: row.pagePath,
          selected: row.selectedText,
          comment: row.comment,
          lang: row.lang,
          at: row.createdAt.toISOString(),
        })),
      });
    });
}
