import { Fragment } from 'hono/jsx';
import type {
  LogPosition,
  Verdict,
  VerificationResult,
} from '../../services/verification-result.js';
import { logSentence } from '../i18n/log-messages.js';
import { CATALOG, LANGUAGES, type Language } from '../i18n/verdict-messages.js';
import { Layout } from './layout.js';

const ICON: Record<Verdict, string> = {
  valid: '✔',
  revoked: '✖',
  suspended: '⏸',
  expired: '⌛',
  not_yet_valid: '⏳',
  invalid: '✖',
  not_found: '?',
  status_unavailable: '…',
};

const almatyTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Asia/Almaty',
  dateStyle: 'short',
  timeStyle: 'medium',
});

const dotted = (day: string) => day.split('-').reverse().join('.');

/** The log holds the entry under its checkpoint, yet the proof does not check out. */
const unproven = (log: LogPosition) => !log.proofVerified && log.index < log.checkpointSize;

/** `/v/<token>`: the verdict at a glance, complete without JavaScript. */
export function VerifyPage(props: { result: VerificationResult; lang: Language; path: string }) {
  const { result, lang } = props;
  const t = CATALOG[lang];
  const cert = result.certificate;

  return (
    <Layout lang={lang} title={`${t.labels.title}: ${t.verdict[result.verdict]}`}>
      <nav class="languages" aria-label="Language">
        {LANGUAGES.map((l) => (
          <a href={`${props.path}?lang=${l}`} aria-current={l === lang ? 'true' : undefined}>
            {l.toUpperCase()}
          </a>
        ))}
      </nav>
      <h1 class="visually-hidden">{t.labels.title}</h1>
      <section class={`verdict verdict-${result.verdict}`} role="status">
        <span class="verdict-icon" aria-hidden="true">
          {ICON[result.verdict]}
        </span>
        <p class="verdict-text">{t.verdict[result.verdict]}</p>
        {result.cause ? <p class="verdict-cause">{t.cause[result.cause]}</p> : null}
        {result.verdict === 'not_found' ? (
          <p class="verdict-cause">{t.labels.notFoundAdvice}</p>
        ) : null}
      </section>

      {cert ? (
        <section class="details">
          <p class="hint">{t.labels.compare}</p>
          <dl>
            <dt>{t.labels.type}</dt>
            <dd>{t.labels[cert.type]}</dd>
            <dt>{t.labels.serial}</dt>
            <dd class="serial">{cert.serial}</dd>
            <dt>{t.labels.issuer}</dt>
            <dd>
              {lang === 'kk'
                ? cert.issuer.nameKk
                : lang === 'en'
                  ? cert.issuer.nameEn
                  : cert.issuer.nameRu}
            </dd>
            <dt>{t.labels.guardian}</dt>
            <dd>{cert.guardian}</dd>
            <dt>{t.labels.child}</dt>
            <dd>{cert.child}</dd>
            <dt>{t.labels.validity}</dt>
            <dd>
              {dotted(cert.validFrom)} – {dotted(cert.validUntil)}
            </dd>
            <dt>{t.labels.issuedAt}</dt>
            <dd>{almatyTime.format(new Date(cert.issuedAt))}</dd>
            {result.revocation ? (
              <Fragment>
                <dt>{t.labels.revokedAt}</dt>
                <dd>{almatyTime.format(new Date(result.revocation.at))}</dd>
                <dt>{t.labels.reason}</dt>
                <dd class="reason">
                  {t.reasons[result.revocation.reason] ?? result.revocation.reason}
                </dd>
              </Fragment>
            ) : null}
            {result.suspension ? (
              <Fragment>
                <dt>{t.labels.suspendedAt}</dt>
                <dd>{almatyTime.format(new Date(result.suspension.at))}</dd>
                <dt>{t.labels.reason}</dt>
                <dd class="reason">
                  {t.reasons[result.suspension.reason] ?? result.suspension.reason}
                </dd>
              </Fragment>
            ) : null}
          </dl>
        </section>
      ) : null}

      {result.log ? (
        <p class={unproven(result.log) ? 'warning log' : 'checked log'}>
          {logSentence(lang, result.log, almatyTime.format(new Date(result.log.signedAt)))}
        </p>
      ) : null}
      <p class="checked">
        {t.labels.checkedAt}: {almatyTime.format(new Date(result.checkedAt))}
      </p>
      <p class="warning">{t.labels.quishing}</p>
    </Layout>
  );
}
