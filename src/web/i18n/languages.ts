/** The languages of every page and message. Kazakh first, as on state documents. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language when nothing the visitor sent names one of ours. */
export const DEFAULT_LANGUAGE: Language = 'ru';

/** The cookie that remembers a visitor's choice: a preference, not tracking. */
export const LANGUAGE_COOKIE = 'lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The page's language: an explicit `?lang=`, then the remembered choice, then the first
 * supported language of `Accept-Language` (RFC 9110 §12.5.4, by q-value), then Russian.
 */
export function pickLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  cookie?: string,
): Language {
  if (isLanguage(query)) return query;
  if (isLanguage(cookie)) return cookie;

  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return (
    (ranked.find((entry) => isLanguage(entry.tag))?.tag as Language | undefined) ?? DEFAULT_LANGUAGE
  );
}

/** Each language's own name, the same on every page (a switcher reads best in endonyms). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  kk: 'Қазақша',
  ru: 'Русский',
  en: 'English',
};
