import type { Receipt } from '../receipts/receipt.js';

/** A text in the three languages of a receipt: Kazakh, Russian, and English for foreign banks. */
export interface Trilingual {
  kk: string;
  ru: string;
  en: string;
}

/** What a receipt PDF shows. */
export interface ReceiptView {
  receipt: Receipt;
  /**
   * The verdict in words, and its cause or revocation reason when there is one, from the verify
   * page's catalogue; the document does not hold the list of verdicts, which may grow.
   */
  words: { verdict: Trilingual; detail?: Trilingual };
  /** The log's verifier key, printed so the paper names the key that checks it. */
  verifierKey: string;
  /** The registry's base URL, e.g. `https://verify.example.kz`. */
  publicUrl: string;
}
