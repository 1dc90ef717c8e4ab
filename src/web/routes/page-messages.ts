import { Hono } from 'hono';
import { AppError } from '../../domain/errors.js';
import type { AppEnv } from '../env.js';
import type { Catalog } from '../i18n/catalog/shape.js';
import { isLanguage } from '../i18n/languages.js';
import { RESOURCES } from '../i18n/translator.js';

/** The catalog sections the front page's module reads (verdicts, checks, its own words). */
export const FRONT_DOOR_SECTIONS: (keyof Catalog)[] = [
  'home',
  'result',
  'verdict',
  'cause',
  'reasons',
  'labels',
  'advice',
  'log',
];

/**
 * `GET /i18n/<lang>.json`: the front page's messages, fetched by its module (and kept by the
 * service worker) rather than repeated in every page's HTML.
 */
export function pageMessagesRoute() {
  return new Hono<AppEnv>().get('/i18n/:file{[a-z]{2}\\.json}', (c) => {
    const lang = c.req.param('file').slice(0, 2);
    if (!isLanguage(lang)) throw new AppError('not_found', 'No messages in that language');

    const catalog = RESOURCES[lang];
    c.header('Cache-Control', 'public, max-age=300');
    return c.json({
      lang,
      catalog: Object.fromEntries(FRONT_DOOR_SECTIONS.map((s) => [s, catalog[s]])),
    });
  });
}
