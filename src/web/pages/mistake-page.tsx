import type { Language } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { Layout, MistakeForm } from './layout.js';

/** The mistake report as a page of its own, and its answer. */
export function MistakePage(props: {
  lang: Language;
  page: string;
  answer?: { ok: boolean; text: string };
}) {
  const t = translator(props.lang);
  const path = `/report-mistake?page=${encodeURIComponent(props.page)}`;

  return (
    <Layout lang={props.lang} title={t('mistake.title')} path={path} reportPath={props.page}>
      {props.answer ? (
        <section>
          <h1>{t('mistake.title')}</h1>
          <p class={props.answer.ok ? 'answer answer-ok' : 'answer answer-sorry'} role="status">
            {props.answer.text}
          </p>
          <p>
            <a href={props.page}>{t('mistake.back')}</a>
          </p>
        </section>
      ) : (
        <MistakeForm lang={props.lang} page={props.page} />
      )}
    </Layout>
  );
}
