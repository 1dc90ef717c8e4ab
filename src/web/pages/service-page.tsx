import type { VisitorCounts } from '../../public-pages/visitor-counter.js';
import type { Language } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { Layout } from './layout.js';

/** When the service page's content last changed; shown on the page, as the portal requires. */
export const SERVICE_PAGE_UPDATED = '2026-12-04';

const LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * The public page of the service, as it stands on the state portal: procedure, providers,
 * term, result, documents, contact, last update, a printable version and visitor counters.
 */
export function ServicePage(props: { lang: Language; counts: VisitorCounts; print?: boolean }) {
  const t = translator(props.lang);
  const number = new Intl.NumberFormat(LOCALE[props.lang]);
  const updated = new Intl.DateTimeFormat(LOCALE[props.lang], {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${SERVICE_PAGE_UPDATED}T00:00:00Z`));

  return (
    <Layout
      lang={props.lang}
      title={t('service.title')}
      path={props.print ? '/service?print=1' : '/service'}
      scripts={['/js/print.js']}
      bodyClass={props.print ? 'print-view' : undefined}
    >
      <article class="service">
        <h1>{t('service.title')}</h1>
        <p class="lead">{t('service.lead')}</p>
        <p class="no-print">
          <a href="/service?print=1" class="print-link" id="print-link">
            {t('service.print')}
          </a>
        </p>

        <h2>{t('service.howTitle')}</h2>
        <ol>
          <li>{t('service.how1')}</li>
          <li>{t('service.how2')}</li>
          <li>{t('service.how3')}</li>
          <li>{t('service.how4')}</li>
        </ol>

        <h2>{t('service.whoTitle')}</h2>
        <p>{t('service.who')}</p>
        <h2>{t('service.termTitle')}</h2>
        <p class="term">{t('service.term')}</p>
        <h2>{t('service.resultTitle')}</h2>
        <p>{t('service.result')}</p>
        <h2>{t('service.docsTitle')}</h2>
        <p>{t('service.docs')}</p>
        <p>{t('service.docsCopy')}</p>
        <h2>{t('service.costTitle')}</h2>
        <p>{t('service.cost')}</p>
        <h2>{t('service.contactTitle')}</h2>
        <p class="contact">{t('service.contact')}</p>
        <p class="updated">
          <time datetime={SERVICE_PAGE_UPDATED}>{t('service.updated', { date: updated })}</time>
        </p>
      </article>

      <section class="counters no-print" aria-labelledby="counters-title">
        <h2 id="counters-title">{t('service.countersTitle')}</h2>
        <dl>
          <dt>{t('service.month')}</dt>
          <dd id="count-month">{number.format(props.counts.thisMonth)}</dd>
          <dt>{t('service.yesterday')}</dt>
          <dd id="count-yesterday">{number.format(props.counts.yesterday)}</dd>
          <dt>{t('service.online')}</dt>
          <dd id="count-online">{number.format(props.counts.online)}</dd>
        </dl>
        <p class="hint">{t('service.countersNote')}</p>
      </section>
    </Layout>
  );
}
