import type { Language } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { Layout } from './layout.js';

/** A page the browser asked for that does not exist, on the site layout and in the visitor's language. */
export function NotFoundPage(props: { lang: Language; path: string }) {
  const t = translator(props.lang);
  return (
    <Layout lang={props.lang} title={t('site.notFoundTitle')} path={props.path}>
      <h1>{t('site.notFoundTitle')}</h1>
      <p>{t('site.notFoundText')}</p>
      <p>
        <a href={`/?lang=${props.lang}`}>{t('site.verify')}</a>
      </p>
    </Layout>
  );
}
