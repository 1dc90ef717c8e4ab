import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isLanguage } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { MistakePage } from '../pages/mistake-page.js';
import { mistakeRequest } from '../schemas/mistake-request.js';
import type { AppServices } from '../services.js';

/**
 * `/report-mistake`: the report as a plain form, for readers without JavaScript (the footer
 * link leads here; with JavaScript the same form opens in a dialog on the page itself).
 */
export function mistakePageRoute(services: AppServices) {
  return new Hono<AppEnv>()
    .get('/report-mistake', (c) => {
      const lang = c.get('lang');
      const page = c.req.query('page') ?? '/';
      return c.html(<MistakePage lang={lang} page={page.startsWith('/') ? page : '/'} />);
    })
    .post('/report-mistake', async (c) => {
      const form = await c.req.parseBody();
      const lang = isLanguage(form.lang) ? form.lang : c.get('lang');
      const t = translator(lang);
      const page = typeof form.page === 'string' && form.page.startsWith('/') ? form.page : '/';

      const parsed = mistakeRequest.safeParse({
        page,
        selected: typeof form.selected === 'string' ? form.selected : '',
        comment: typeof form.comment === 'string' ? form.comment : undefined,
        lang,
      });
      const outcome = parsed.success
        ? await services.publicPages.mistakes.report(parsed.data, c.get('clientAddress'))
        : { ok: false as const };

      const answer = outcome.ok ? t('mistake.thanks') : t('mistake.sorry');
      return c.html(
        <MistakePage lang={lang} page={page} answer={{ ok: outcome.ok, text: answer }} />,
        outcome.ok ? 201 : parsed.success ? 503 : 400,
      );
    });
}
