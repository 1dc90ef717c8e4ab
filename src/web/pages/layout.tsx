import { raw } from 'hono/html';
import { type Child, Fragment } from 'hono/jsx';
import type { Catalog } from '../i18n/catalog/shape.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages.js';
import { RESOURCES, translator } from '../i18n/translator.js';

export interface LayoutProps {
  lang: Language;
  title: string;
  /** The page's own path (and query, without `lang`), for the language links. */
  path: string;
  /** Browser modules under `/js/`, beyond the mistake report every page has. */
  scripts?: string[];
  /** Catalog sections the page's modules read, beyond `mistake`. */
  messages?: (keyof Catalog)[];
  /** The path a mistake report names: a verify page hides its token (it is the certificate). */
  reportPath?: string;
  /** `print-view`: the page as it prints, on screen (the printable version without JS). */
  bodyClass?: string;
  children: Child;
}

/** `a?b=1` + `lang=en`, keeping the other parameters. */
function withLanguage(path: string, lang: Language): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

/**
 * The catalog sections a page's modules need, as JSON in a meta element: no inline script of
 * any kind, so the CSP needs no `unsafe-inline` and the markup stays plain (hono escapes it).
 */
function ClientMessages(props: { lang: Language; sections: (keyof Catalog)[] }) {
  const catalog = RESOURCES[props.lang];
  const picked = Object.fromEntries(props.sections.map((s) => [s, catalog[s]]));
  return (
    <meta name="page-messages" content={JSON.stringify({ lang: props.lang, catalog: picked })} />
  );
}

/**
 * The frame of every server-rendered page: header with the language switcher, main, footer with
 * "report a mistake" and the contact centre. No inline script or style: the CSP forbids both.
 */
export function Layout(props: LayoutProps) {
  const t = translator(props.lang);
  const scripts = ['/js/mistake.js', ...(props.scripts ?? [])];
  const sections: (keyof Catalog)[] = ['mistake', ...(props.messages ?? [])];
  const reportPath = props.reportPath ?? new URL(props.path, 'http://x').pathname;

  return (
    <Fragment>
      {raw('<!doctype html>')}
      <html lang={props.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${props.title} — ${t('site.name')}`}</title>
          <link rel="icon" href="data:," />
          <link rel="stylesheet" href="/styles.css" />
          <ClientMessages lang={props.lang} sections={sections} />
          {scripts.map((src) => (
            <script type="module" src={src} />
          ))}
        </head>
        <body class={props.bodyClass}>
          <a class="skip" href="#main">
            {t('site.skip')}
          </a>
          <header class="site-header">
            <div class="bar">
              <a class="site-name" href="/">
                {t('site.name')}
              </a>
              <nav class="languages" aria-label={t('site.language')}>
                {LANGUAGES.map((l) => (
                  <a
                    href={withLanguage(props.path, l)}
                    hreflang={l}
                    lang={l}
                    aria-current={l === props.lang ? 'true' : undefined}
                  >
                    {LANGUAGE_NAMES[l]}
                  </a>
                ))}
              </nav>
            </div>
            <nav class="sections" aria-label={t('site.nav')}>
              <a href="/">{t('site.verify')}</a>
              <a href="/service">{t('site.service')}</a>
            </nav>
          </header>
          <main id="main">{props.children}</main>
          <footer class="site-footer">
            <p>
              <a
                class="report-mistake"
                href={`/report-mistake?page=${encodeURIComponent(reportPath)}`}
                data-page={reportPath}
              >
                {t('footer.mistake')}
              </a>{' '}
              <span class="hint">{t('footer.mistakeHint')}</span>
            </p>
            <p class="contact">{t('footer.contact')}</p>
            <p class="hint">{t('footer.operator')}</p>
          </footer>
          <MistakeDialog lang={props.lang} page={reportPath} />
        </body>
      </html>
    </Fragment>
  );
}

/** The report form the mistake module opens; without JavaScript the link opens it as a page. */
function MistakeDialog(props: { lang: Language; page: string }) {
  return (
    <dialog id="mistake-dialog" aria-labelledby="mistake-title">
      <MistakeForm lang={props.lang} page={props.page} idPrefix="dialog-" />
    </dialog>
  );
}

/** The fields of a mistake report; the page form posts them, the dialog sends them as JSON. */
export function MistakeForm(props: {
  lang: Language;
  page: string;
  selected?: string;
  idPrefix?: string;
}) {
  const t = translator(props.lang);
  const id = (name: string) => `${props.idPrefix ?? ''}${name}`;
  return (
    <form method="post" action="/report-mistake" class="mistake-form">
      {props.idPrefix ? (
        <h2 id="mistake-title">{t('mistake.title')}</h2>
      ) : (
        <h1>{t('mistake.title')}</h1>
      )}
      <input type="hidden" name="page" value={props.page} />
      <input type="hidden" name="lang" value={props.lang} />
      <label for={id('mistake-selected')}>{t('mistake.selected')}</label>
      <textarea id={id('mistake-selected')} name="selected" rows={3} maxlength={1000} required>
        {props.selected ?? ''}
      </textarea>
      <label for={id('mistake-comment')}>{t('mistake.comment')}</label>
      <textarea id={id('mistake-comment')} name="comment" rows={3} maxlength={1000} />
      <p class="mistake-answer" role="status" aria-live="polite" />
      <div class="actions">
        <button type="submit">{t('mistake.send')}</button>
        {props.idPrefix ? (
          <button type="button" class="secondary" value="close" data-close>
            {t('mistake.close')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
