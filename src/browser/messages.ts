import type { Catalog } from '../web/i18n/catalog/shape.js';
import { createI18n } from '../web/i18n/i18n-instance.js';
import { isLanguage, type Language } from '../web/i18n/languages.js';
import type { Translate } from '../web/i18n/translator.js';

/**
 * The page's messages in the browser: the catalog sections the server put in the
 * `page-messages` meta element, read through i18next like on the server (plurals,
 * interpolation).
 */
export function pageMessages(doc: Document = document): { lang: Language; t: Translate } {
  const meta = doc.querySelector('meta[name="page-messages"]');
  const data = JSON.parse(meta?.getAttribute('content') ?? '{}') as {
    lang?: string;
    catalog?: Catalog;
  };
  const lang = isLanguage(data.lang) ? data.lang : 'ru';
  const i18n = createI18n(
    { [lang]: data.catalog ?? {} } as Partial<Record<Language, Catalog>>,
    lang,
  );
  return { lang, t: i18n.getFixedT(lang) as unknown as Translate };
}
