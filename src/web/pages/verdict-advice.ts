import type { CertificateSummary, Verdict } from '../../services/verification-result.js';
import { shortDay } from '../i18n/dates.js';
import type { Language } from '../i18n/languages.js';
import type { MessageKey, Translate } from '../i18n/translator.js';

/** The issuer's name in the reader's language. */
export function issuerName(cert: CertificateSummary, lang: Language): string {
  return lang === 'kk'
    ? cert.issuer.nameKk
    : lang === 'en'
      ? cert.issuer.nameEn
      : cert.issuer.nameRu;
}

/**
 * What the person holding the paper should do now, in one or two sentences: nothing for a valid
 * certificate (its page says to compare with the paper), "do not accept" for every other verdict,
 * with the issuer to turn to when it is known. Shared by the server's verify page and the front
 * page's module, so both say the same.
 */
export function verdictAdvice(
  t: Translate,
  lang: Language,
  verdict: Verdict,
  cert: CertificateSummary | undefined,
): string | undefined {
  switch (verdict) {
    case 'valid':
      return undefined;
    case 'not_found':
      return t('labels.notFoundAdvice');
    case 'status_unavailable':
      return t('labels.unavailableAdvice');
    case 'invalid':
      return t('advice.invalid');
    case 'not_yet_valid':
      return cert ? t('advice.not_yet_valid', { from: shortDay(cert.validFrom) }) : undefined;
    default:
      // revoked, suspended, expired: the certificate is known, and so is who issued it.
      return cert
        ? t(`advice.${verdict}`, { issuer: issuerName(cert, lang) })
        : t('labels.notFoundAdvice');
  }
}

/**
 * The label of the validity dates: for a revoked or suspended certificate it says the dates are
 * only what the paper states, so "01.12.2026 – 01.12.2032" under "Revoked" is not read as
 * "valid until".
 */
export function validityLabel(verdict: Verdict): MessageKey {
  if (verdict === 'revoked') return 'labels.validityRevoked';
  if (verdict === 'suspended') return 'labels.validitySuspended';
  return 'labels.validity';
}
