import { en } from './catalog/en.js';
import { kk } from './catalog/kk.js';
import { ru } from './catalog/ru.js';
import type { Catalog } from './catalog/shape.js';
import { createI18n } from './i18n-instance.js';
import { LANGUAGES, type Language } from './languages.js';

/** `section.key`, with plural keys named once, without their `_one`/`_other` suffix. */
type PluralBase<K> = K extends `${infer B}_${'one' | 'few' | 'many' | 'other'}` ? B : K;
export type MessageKey = {
  [S in keyof Catalog & string]: `${S}.${PluralBase<keyof Catalog[S]> & string}`;
}[keyof Catalog & string];

/** Looks a message up in one language; `count` picks the plural form by CLDR rules. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** All three catalogs. */
export const RESOURCES: Record<Language, Catalog> = { kk, ru, en };

const shared = createI18n(RESOURCES, 'ru');
const fixed = new Map<Language, Translate>(
  LANGUAGES.map((lang) => [lang, shared.getFixedT(lang) as unknown as Translate]),
);

/** The messages of one language, for the pages the server renders. */
export function translator(lang: Language): Translate {
  return fixed.get(lang) as Translate;
}
