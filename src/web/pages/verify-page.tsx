import { Fragment } from 'hono/jsx';
import type {
  LogPosition,
  Verdict,
  VerificationResult,
} from '../../services/verification-result.js';
import type { Language } from '../i18n/languages.js';
import { type Translate, translator } from '../i18n/translator.js';
import { Layout } from './layout.js';
import { issuerName, validityLabel, verdictAdvice } from './verdict-advice.js';

/** Never colour alone: each verdict has its icon and its words. */
export const VERDICT_ICON: Record<Verdict, string> = {
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

/** The sentence about the public log, with the time formatted for the reader. */
export function logSentence(t: Translate, log: LogPosition): string {
  const key = log.proofVerified
    ? 'log.recorded'
    : log.index >= log.checkpointSize
      ? 'log.pending'
      : 'log.unproven';
  return t(key, {
    index: log.index,
    size: log.checkpointSize,
    at: almatyTime.format(new Date(log.signedAt)),
  });
}

/** `/v/<token>`: the verdict at a glance, complete without JavaScript. */
export function VerifyPage(props: {
  result: VerificationResult;
  lang: Language;
  path: string;
  domain: string;
}) {
  const { result, lang } = props;
  const t = translator(lang);
  const cert = result.certificate;
  const reason = result.revocation?.reason;
  const advice = verdictAdvice(t, lang, result.verdict, cert);

  return (
    <Layout
      lang={lang}
      title={`${t('labels.title')}: ${t(`verdict.${result.verdict}`)}`}
      path={props.path}
      reportPath="/v/*"
    >
      <h1 class="visually-hidden">{t('labels.title')}</h1>
      <section class={`verdict verdict-${result.verdict}`} role="status">
        <span class="verdict-icon" aria-hidden="true">
          {VERDICT_ICON[result.verdict]}
        </span>
        <p class="verdict-text">{t(`verdict.${result.verdict}`)}</p>
        {result.cause ? <p class="verdict-cause">{t(`cause.${result.cause}`)}</p> : null}
        {advice ? <p class="verdict-advice">{advice}</p> : null}
      </section>

      {cert ? (
        <section class="details">
          {result.verdict === 'valid' ? <p class="hint">{t('labels.compare')}</p> : null}
          <dl>
            <dt>{t('labels.type')}</dt>
            <dd>{t(`labels.${cert.type}`)}</dd>
            <dt>{t('labels.serial')}</dt>
            <dd class="serial">{cert.serial}</dd>
            <dt>{t('labels.issuer')}</dt>
            <dd>{issuerName(cert, lang)}</dd>
            <dt>{t('labels.guardian')}</dt>
            <dd>{cert.guardian}</dd>
            <dt>{t('labels.child')}</dt>
            <dd>{cert.child}</dd>
            <dt>{t(validityLabel(result.verdict))}</dt>
            <dd class="validity">
              {dotted(cert.validFrom)} – {dotted(cert.validUntil)}
            </dd>
            <dt>{t('labels.issuedAt')}</dt>
            <dd>{almatyTime.format(new Date(cert.issuedAt))}</dd>
            {result.revocation ? (
              <Fragment>
                <dt>{t('labels.revokedAt')}</dt>
                <dd>{almatyTime.format(new Date(result.revocation.at))}</dd>
                <dt>{t('labels.reason')}</dt>
                <dd class="reason">{reasonText(t, reason)}</dd>
              </Fragment>
            ) : null}
            {result.suspension ? (
              <Fragment>
                <dt>{t('labels.suspendedAt')}</dt>
                <dd>{almatyTime.format(new Date(result.suspension.at))}</dd>
                <dt>{t('labels.reason')}</dt>
                <dd class="reason">{reasonText(t, result.suspension.reason)}</dd>
              </Fragment>
            ) : null}
          </dl>
        </section>
      ) : null}

      {result.log ? (
        <p class={unproven(result.log) ? 'warning log' : 'checked log'}>
          {logSentence(t, result.log)}
        </p>
      ) : null}
      <p class="checked">
        {t('labels.checkedAt')}: {almatyTime.format(new Date(result.checkedAt))}
      </p>
      <Quishing t={t} domain={props.domain} />
    </Layout>
  );
}

/** A revocation reason in words; a code we have no words for is shown as "no reason given". */
export function reasonText(t: Translate, reason: string | undefined): string {
  const known = [
    'guardianship_terminated',
    'issued_in_error',
    'superseded',
    'data_changed',
    'court_decision',
    'holder_deceased',
    'court_proceedings',
    'under_review',
    'document_lost',
  ];
  return t(`reasons.${known.includes(reason ?? '') ? (reason as 'superseded') : 'unspecified'}`);
}

/** Only this domain verifies certificates: a QR code that leads elsewhere is a fake (quishing). */
export function Quishing(props: { t: Translate; domain: string }) {
  return (
    <div class="warning quishing" data-domain={props.domain}>
      <p>{props.t('labels.quishing')}</p>
      <p class="domain">{props.t('labels.domain', { domain: props.domain })}</p>
    </div>
  );
}
