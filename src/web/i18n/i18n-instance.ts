import i18next, { type i18n } from 'i18next';
import type { Catalog } from './catalog/shape.js';
import { LANGUAGES, type Language } from './languages.js';

/**
 * One i18next instance over the given catalogs: all three on the server, the page's own in the
 * browser. Values are not HTML-escaped here: hono/jsx escapes what the server renders, and the
 * browser modules set `textContent`.
 */
export function createI18n(resources: Partial<Record<Language, Catalog>>, lng: Language): i18n {
  const instance = i18next.createInstance();
  instance.init({
    resources: Object.fromEntries(
      Object.entries(resources).map(([lang, catalog]) => [lang, { translation: catalog }]),
    ),
    lng,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
