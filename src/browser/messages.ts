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

/**
 * The page's messages together with the front page's sections, fetched from
 * `/i18n/<lang>.json` (kept by the service worker for offline use).
 */
export async function frontDoorMessages(): Promise<{ lang: Language; t: Translate }> {
  const { lang } = pageMessages();
  const meta = document.querySelector('meta[name="page-messages"]');
  const inline = JSON.parse(meta?.getAttribute('content') ?? '{}') as { catalog?: Catalog };
  const response = await fetch(`/i18n/${lang}.json`);
  const fetched = (await response.json()) as { catalog?: Partial<Catalog> };
  const catalog = { ...inline.catalog, ...fetched.catalog } as Catalog;
  const i18n = createI18n({ [lang]: catalog } as Partial<Record<Language, Catalog>>, lang);
  return { lang, t: i18n.getFixedT(lang) as unknown as Translate };
}
