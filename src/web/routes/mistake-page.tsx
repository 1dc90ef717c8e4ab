import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { isLanguage } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { MistakePage } from '../pages/mistake-page.js';
import { mistakeRequest } from '../schemas/mistake-request.js';
import type { AppServices } from '../services.js';

/** A path of this site to report on and return to; anything else becomes the front page. */
function ownPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])\S{0,1999}$/.test(value) ? value : '/';
}

/**
 * `/report-mistake`: the report as a plain form, for readers without JavaScript (the footer
 * link leads here; with JavaScript the same form opens in a dialog on the page itself).
 */
export function mistakePageRoute(services: AppServices) {
  return new Hono<AppEnv>()
    .get('/report-mistake', (c) => {
      const lang = c.get('lang');
      return c.html(<MistakePage lang={lang} page={ownPath(c.req.query('page'))} />);
    })
    .post('/report-mistake', async (c) => {
      const form = await c.req.parseBody();
      const lang = isLanguage(form.lang) ? form.lang : c.get('lang');
      const t = translator(lang);
      const page = ownPath(form.page);

      const parsed = mistakeRequest.safeParse({
        page,
        selected: typeof form.selected === 'string' ? form.selected : '',
        comment: typeof form.comment === 'string' ? form.comment : undefined,
        lang,
      });
      const outcome = parsed.success
        ? await services.publicPages.mistakes.report(parsed.data, c.get('clientAddress'))
        : undefined;

      const ok = outcome?.ok === true;
      const status = ok ? 201 : !outcome ? 400 : outcome.refusal === 'rate_limited' ? 429 : 503;
      const answer = { ok, text: ok ? t('mistake.thanks') : t('mistake.sorry') };
      return c.html(<MistakePage lang={lang} page={page} answer={answer} />, status);
    });
}
