import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage } from '../../src/web/i18n/languages.js';
import { RESOURCES, translator } from '../../src/web/i18n/translator.js';
import { REVOCATION_REASONS } from '../../src/web/schemas/issue-request.js';
import { SUSPENSION_REASONS } from '../../src/web/schemas/suspension-request.js';

describe('picking the language', () => {
  it.each([
    ['an explicit ?lang= first', ['en', 'kk', 'ru'], 'en'],
    ['then the remembered choice', [undefined, 'kk', 'ru'], 'ru'],
    ['then Accept-Language', [undefined, 'kk-KZ,ru;q=0.8', undefined], 'kk'],
    ['by q-value, not by order', [undefined, 'ru;q=0.5, kk;q=0.9, en;q=0.1', undefined], 'kk'],
    ['skipping languages we lack', [undefined, 'de-DE, fr;q=0.9, en;q=0.5', undefined], 'en'],
    ['ignoring q=0', [undefined, 'kk;q=0, en;q=0.2', undefined], 'en'],
    ['Russian when nothing matches', [undefined, 'de', undefined], 'ru'],
    ['ignoring an unknown ?lang=', ['de', undefined, undefined], 'ru'],
    ['ignoring an unknown cookie', [undefined, 'en', 'xx'], 'en'],
  ] as const)('%s', (_what, [query, accept, cookie], expected) => {
    expect(pickLanguage(query, accept, cookie)).toBe(expected);
  });
});

describe('the catalogs', () => {
  it('use CLDR plurals: Russian one/few/many, Kazakh and English one/other', () => {
    const ru = translator('ru');
    expect([1, 2, 5, 11, 21, 22].map((count) => ru('result.secondsAgo', { count }))).toEqual([
      '1 секунду назад',
      '2 секунды назад',
      '5 секунд назад',
      '11 секунд назад',
      '21 секунду назад',
      '22 секунды назад',
    ]);
    expect(translator('kk')('result.secondsAgo', { count: 3 })).toBe('3 секунд бұрын');
    expect(translator('en')('result.secondsAgo', { count: 3 })).toBe('3 s ago');
  });

  it('answer the two mistake sentences in English exactly as the portal words them', () => {
    const en = translator('en');
    expect(en('mistake.thanks')).toBe('Thank you, the error report has been received');
    expect(en('mistake.sorry')).toBe(
      'Sorry, the error report cannot be processed right now. Please try later.',
    );
  });

  it('have every message the pages and modules ask for, in each language', () => {
    const used = new Set<string>();
    for (const file of sources(join(import.meta.dirname, '../../src'))) {
      if (!/src\/(web|browser)\//.test(file)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z]+\.[A-Za-z_]+)'/g)) {
        used.add(match[1] as string);
      }
    }
    expect(used.size).toBeGreaterThan(60);

    for (const lang of LANGUAGES) {
      const catalog = RESOURCES[lang] as unknown as Record<string, Record<string, string>>;
      const missing = [...used].filter((key) => {
        const [section = '', name = ''] = key.split('.');
        const messages = catalog[section] ?? {};
        return !(name in messages) && !(`${name}_other` in messages);
      });
      expect(missing, lang).toEqual([]);
    }
  });

  // Regression: the console showed `console.status_suspended` as it is. The test above read only
  // `t('…')` calls, and the key was built from the API's status with a cast to MessageKey, which
  // hid it from the compiler too. This one reads every quoted key (in maps, JSX props) and makes
  // each key built at run time name the values it is built from.
  it("have every key the console uses, also those in maps and built from the API's values", () => {
    const sections = new Set(Object.keys(RESOURCES.ru));
    const console = sources(join(import.meta.dirname, '../../src')).filter((file) =>
      /src\/(browser\/(console|issue-form)[^/]*|web\/pages\/console-page)\.tsx?$/.test(file),
    );
    expect(console.length).toBeGreaterThanOrEqual(4);

    // Built keys: the prefix and every value the API or the page may put after it.
    const built: Record<string, readonly string[] | 'falls back'> = {
      // The statuses the officer's API answers with (README), not only those the page knew.
      'console.status_': ['active', 'suspended', 'revoked'],
      'reasons.': [...REVOCATION_REASONS, ...SUSPENSION_REASONS],
      // keyRow shows an unknown key status as its code.
      'console.key_': ['active', 'retired', 'compromised'],
    };

    const used = new Set<string>();
    for (const file of console) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/['"]([a-z]+)\.([A-Za-z_]+)['"]/g)) {
        if (sections.has(match[1] as string)) used.add(`${match[1]}.${match[2]}`);
      }
      for (const match of text.matchAll(/`([a-z]+\.[A-Za-z_]*)\$\{/g)) {
        const prefix = match[1] as string;
        const values = built[prefix];
        expect(values, `${file}: add the values of \`${prefix}\${…}\` to this test`).toBeDefined();
        if (Array.isArray(values)) for (const value of values) used.add(`${prefix}${value}`);
      }
    }
    expect(used).toContain('console.status_suspended');
    expect(used).toContain('console.fieldRequired');

    for (const lang of LANGUAGES) {
      const catalog = RESOURCES[lang] as unknown as Record<string, Record<string, string>>;
      const missing = [...used].filter((key) => {
        const [section = '', name = ''] = key.split('.');
        const messages = catalog[section] ?? {};
        return !(name in messages) && !(`${name}_other` in messages);
      });
      expect(missing, lang).toEqual([]);
    }
  });

  it('never leave a message empty or untranslated into another script', () => {
    for (const lang of LANGUAGES) {
      for (const [section, messages] of Object.entries(RESOURCES[lang])) {
        for (const [key, text] of Object.entries(messages as Record<string, string>)) {
          expect(text.trim(), `${lang} ${section}.${key}`).not.toBe('');
          if (lang !== 'en') continue;
          expect(text, `en ${section}.${key}`).not.toMatch(/[а-яёәіңғүұқөһ]/i);
        }
      }
    }
  });
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
