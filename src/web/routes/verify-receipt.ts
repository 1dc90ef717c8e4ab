import { type Context, Hono } from 'hono';
import type { Trilingual } from '../../documents/receipt-view.js';
import type { Receipt } from '../../receipts/receipt.js';
import { VERIFIER_HEADER, verifierOrganization } from '../../services/verification-log.js';
import type { AppEnv } from '../env.js';
import { LANGUAGES } from '../i18n/languages.js';
import { RESOURCES as CATALOG } from '../i18n/translator.js';
import { noBody } from '../middleware/json-body.js';
import { ANONYMOUS_LIMITS, rateLimit } from '../rate-limit.js';
import type { AppServices } from '../services.js';

/**
 * `POST /api/v1/verify/<token>/receipt`: verifies the token as `GET /api/v1/verify/<token>` does
 * and answers a receipt of the verdict signed by the log key (see src/receipts/receipt.ts): JSON,
 * or with `Accept: application/pdf` (or at `…/receipt.pdf`) a one-page PDF that carries the
 * signed JSON as the attached file `receipt.json`. A POST because it is recorded like a check (in
 * the holder's verification history) and signs something new each time. Always 200 when the
 * check ran: a receipt of `invalid` is a receipt too.
 */
export function verifyReceiptRoute(services: AppServices) {
  const app = new Hono<AppEnv>();

  const answer = async (c: Context<AppEnv>, pdf: boolean) => {
    const header = c.req.header(VERIFIER_HEADER);
    const token = c.req.param('token') ?? '';
    const { receipt, result } = await services.receipts.issue(token, verifierOrganization(header));
    services.verificationLog.recordVerdict(result, header);
    c.header('Cache-Control', 'no-store');
    if (!pdf) return c.json(receipt);

    const bytes = await services.documents.renderReceipt({
      receipt,
      words: receiptWords(receipt),
      verifierKey: services.transparencyLog.verifierKey,
    });
    const name = receipt.verification.certificate?.serial ?? receipt.verification.verdict;
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="receipt-${name}.pdf"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  };

  // One limiter for both paths: a PDF receipt is the same signed write.
  const limit = rateLimit(ANONYMOUS_LIMITS.receipts, 'receipts');
  app.post('/api/v1/verify/:token/receipt.pdf', limit, noBody, (c) => answer(c, true));
  app.post('/api/v1/verify/:token/receipt', limit, noBody, (c) =>
    answer(c, wantsPdf(c.req.header('accept'))),
  );
  return app;
}

/** PDF only when asked for before JSON; anything else, no header included, gets JSON. */
function wantsPdf(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const pdf = types.indexOf('application/pdf');
  const json = types.indexOf('application/json');
  return pdf >= 0 && (json < 0 || pdf < json);
}

/** The verdict, and its cause or revocation reason, in the verify page's words. */
function receiptWords(receipt: Receipt): { verdict: Trilingual; detail?: Trilingual } {
  const { verdict, cause, revocation } = receipt.verification;
  const reason = (revocation as { reason?: string } | undefined)?.reason;
  const words = (pick: (language: (typeof LANGUAGES)[number]) => string | undefined) => {
    const entries = LANGUAGES.map((language) => [language, pick(language)] as const);
    if (entries.some(([, word]) => word === undefined)) return undefined;
    return Object.fromEntries(entries) as unknown as Trilingual;
  };

  const known = (table: Record<string, string>, key: string | undefined) =>
    key === undefined ? undefined : table[key];
  const detail =
    words((language) => known(CATALOG[language].cause, cause)) ??
    words((language) => known(CATALOG[language].reasons, reason));
  const spoken = words((language) => known(CATALOG[language].verdict, verdict)) ?? {
    kk: verdict,
    ru: verdict,
    en: verdict,
  };
  return detail ? { verdict: spoken, detail } : { verdict: spoken };
}
