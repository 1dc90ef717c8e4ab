import type { VerificationResult } from '../services/verification-result.js';
import type { Language } from '../web/i18n/languages.js';
import type { MessageKey, Translate } from '../web/i18n/translator.js';
import { issuerName, validityLabel, verdictAdvice } from '../web/pages/verdict-advice.js';
import { shortDay } from './format.js';
import type { SignatureCheck } from './token-check.js';

/** The registry's answer and when the page received it (the page's clock, not the server's). */
export interface StatusAnswer {
  result: VerificationResult;
  receivedAt: Date;
}

export interface ResultInput {
  /** The in-page signature check; `not_checked` for a lookup by serial, which has no QR. */
  signature: SignatureCheck | 'no_keys' | 'not_checked';
  /** Undefined when the registry could not be reached. */
  status: StatusAnswer | undefined;
}

type Tone = 'ok' | 'bad' | 'unknown';

const ICON: Record<string, string> = {
  valid: '✔',
  revoked: '✖',
  suspended: '⏸',
  invalid: '✖',
  expired: '⌛',
  not_yet_valid: '⏳',
  not_found: '?',
  unknown: '?',
};
const MARK: Record<Tone, string> = { ok: '✔', bad: '✖', unknown: '?' };
const LOCALE: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

const almatyTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Asia/Almaty',
  dateStyle: 'short',
  timeStyle: 'medium',
});
let ticking: ReturnType<typeof setInterval> | undefined;

/**
 * Empties and hides the result, stopping its "checked N seconds ago" clock: every new attempt
 * starts here, so a failed one never leaves the previous certificate's verdict on the page.
 */
export function clearResult(box: HTMLElement): void {
  if (ticking) clearInterval(ticking);
  ticking = undefined;
  box.replaceChildren();
  box.hidden = true;
}

/** Draws the result into `box`: the verdict, the two checks side by side, the details. */
export function renderResult(
  box: HTMLElement,
  options: { t: Translate; lang: Language; retry: () => void },
) {
  const { t, lang } = options;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  function reset() {
    clearResult(box);
    box.hidden = false;
  }

  function verdictBox(verdict: string, text: string, detail?: string, advice?: string) {
    const section = el('div', `verdict verdict-${verdict}`);
    section.setAttribute('role', 'status');
    const icon = el('span', 'verdict-icon', ICON[verdict] ?? '?');
    icon.setAttribute('aria-hidden', 'true');
    section.append(icon, el('p', 'verdict-text', text));
    if (detail) section.append(el('p', 'verdict-cause', detail));
    if (advice) section.append(el('p', 'verdict-advice', advice));
    return section;
  }

  function check(id: string, title: MessageKey, tone: Tone, lines: (string | Node)[]) {
    const box = el('div', `check check-${tone}`);
    box.id = id;
    box.dataset.tone = tone;
    box.append(el('h3', undefined, t(title)));
    const [first, ...rest] = lines;
    const lead = el('p');
    lead.append(el('span', 'check-mark', MARK[tone]), first ?? '');
    lead.querySelector('.check-mark')?.setAttribute('aria-hidden', 'true');
    box.append(lead);
    for (const line of rest) box.append(typeof line === 'string' ? el('p', undefined, line) : line);
    return box;
  }

  function reasonText(code: string): string {
    const key = `reasons.${code}` as MessageKey;
    const text = t(key);
    return text === key ? t('reasons.unspecified') : text;
  }

  function checkedLine(receivedAt: Date) {
    const line = el('p', 'status-time');
    const time = new Intl.DateTimeFormat(LOCALE[lang], { timeStyle: 'medium' }).format(receivedAt);
    const update = () => {
      const count = Math.max(0, Math.round((Date.now() - receivedAt.getTime()) / 1000));
      line.textContent = t('result.statusChecked', {
        time,
        ago: t('result.secondsAgo', { count }),
      });
    };
    update();
    ticking = setInterval(update, 1000);
    return line;
  }

  function details(result: VerificationResult | undefined, signature: ResultInput['signature']) {
    const cert = result?.certificate;
    const list = el('dl');
    const row = (label: MessageKey, value: string, className?: string) =>
      list.append(el('dt', undefined, t(label)), el('dd', className, value));
    if (cert) {
      row('labels.type', t(`labels.${cert.type}`));
      row('labels.serial', cert.serial, 'serial');
      row('labels.issuer', issuerName(cert, lang));
      row('labels.guardian', cert.guardian);
      row('labels.child', cert.child);
      row(
        result ? validityLabel(result.verdict) : 'labels.validity',
        `${shortDay(cert.validFrom)} – ${shortDay(cert.validUntil)}`,
        'validity',
      );
      row('labels.issuedAt', almatyTime.format(new Date(cert.issuedAt)));
      if (result?.revocation) {
        row('labels.revokedAt', almatyTime.format(new Date(result.revocation.at)));
        row('labels.reason', reasonText(result.revocation.reason), 'reason');
      }
      if (result?.suspension) {
        row('labels.suspendedAt', almatyTime.format(new Date(result.suspension.at)));
        row('labels.reason', reasonText(result.suspension.reason), 'reason');
      }
    } else if (typeof signature === 'object' && signature.outcome === 'authentic') {
      // Offline: the signed token itself states the validity window.
      const { validFrom, validUntil } = signature.token;
      row('labels.validity', `${shortDay(validFrom)} – ${shortDay(validUntil)}`, 'validity');
    }
    if (!list.childElementCount) return undefined;
    const section = el('section', 'details');
    // "Compare with the paper" only where the paper may be accepted; else the verdict says not to.
    const forged = typeof signature === 'object' && signature.outcome !== 'authentic';
    const acceptable = !forged && (!result || result.verdict === 'valid');
    if (acceptable) section.append(el('p', 'hint', t('labels.compare')));
    section.append(list);
    return section;
  }

  return {
    checking() {
      reset();
      box.append(el('p', 'hint', t('result.signatureChecking')));
    },

    show({ signature, status }: ResultInput) {
      reset();
      const forged = typeof signature === 'object' && signature.outcome !== 'authentic';
      const authentic = typeof signature === 'object' && signature.outcome === 'authentic';
      const result = status?.result;

      // 1. The verdict: a bad signature is final; else the registry's word; else what is known.
      let verdict: HTMLElement;
      if (forged) {
        verdict = verdictBox(
          'invalid',
          t('verdict.invalid'),
          t(`cause.${signature.outcome}`),
          t('advice.invalid'),
        );
      } else if (result) {
        const cause = result.cause ? t(`cause.${result.cause}`) : undefined;
        const advice = verdictAdvice(t, lang, result.verdict, result.certificate);
        verdict = verdictBox(result.verdict, t(`verdict.${result.verdict}`), cause, advice);
      } else if (authentic) {
        verdict = verdictBox('unknown', t('result.offline'));
      } else {
        verdict = verdictBox('unknown', t('result.statusUnavailable'), t('result.signatureNoKeys'));
      }

      // 2. The signature, as judged in this page.
      const signatureCheck =
        signature === 'not_checked'
          ? check('check-signature', 'result.signatureTitle', 'unknown', [
              t('result.signatureNone'),
            ])
          : signature === 'no_keys'
            ? check('check-signature', 'result.signatureTitle', 'unknown', [
                t('result.signatureNoKeys'),
              ])
            : signature.outcome === 'authentic'
              ? check('check-signature', 'result.signatureTitle', 'ok', [
                  t('result.signatureValid'),
                ])
              : check('check-signature', 'result.signatureTitle', 'bad', [
                  t(`cause.${signature.outcome}`),
                ]);

      // 3. The registry status, with when it was checked; or what is missing offline.
      let statusCheck: HTMLElement;
      if (status && result) {
        const tone: Tone =
          result.verdict === 'valid'
            ? 'ok'
            : ['revoked', 'suspended', 'invalid'].includes(result.verdict)
              ? 'bad'
              : 'unknown';
        const lines: (string | Node)[] = [t(`verdict.${result.verdict}`)];
        const change = result.revocation ?? result.suspension;
        if (change) lines.push(`${t('labels.reason')}: ${reasonText(change.reason)}`);
        lines.push(checkedLine(status.receivedAt));
        statusCheck = check('check-status', 'result.statusTitle', tone, lines);
      } else {
        const retry = el('button', 'secondary', t('result.retry'));
        retry.type = 'button';
        retry.addEventListener('click', options.retry);
        const text = authentic ? t('result.offline') : t('result.statusUnavailable');
        statusCheck = check('check-status', 'result.statusTitle', 'unknown', [text, retry]);
      }

      const checks = el('div', 'checks');
      checks.append(signatureCheck, statusCheck);
      const again = el('a', undefined, t('result.again'));
      again.href = '/';
      box.append(el('h2', undefined, t('result.title')), verdict, checks);
      const more = details(result, signature);
      if (more) box.append(more);
      box.append(el('p', undefined, ''), again);
      box.focus();
      box.scrollIntoView({ block: 'start' });
    },
  };
}
