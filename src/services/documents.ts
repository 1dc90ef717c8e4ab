import type { ReceiptView } from '../documents/receipt-view.js';
import type { CertificateView } from '../documents/view.js';
import type { CertificateRecord } from '../domain/certificate.js';
import type { CertificateRow } from '../store/registry-store.js';

/** Renders certificate documents; each runtime brings its own: native on Node, WASM on Workers. */
export interface DocumentRenderer {
  png(view: CertificateView): Promise<Uint8Array>;
  pdf(view: CertificateView): Promise<Uint8Array>;
  /** A verification receipt with the signed receipt attached. */
  receiptPdf(view: ReceiptView): Promise<Uint8Array>;
}

export type DocumentFormat = 'png' | 'pdf';

/** How many rendered documents to keep; a citizen downloads the same one several times. */
const CACHE_ENTRIES = 64;

/**
 * Documents of issued certificates. A document never changes after issuance (revocation shows
 * at verification, not on paper), so renders are cached by certificate and format.
 */
export class DocumentService {
  #cache = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly renderer: DocumentRenderer,
    private readonly publicUrl: string,
  ) {}

  /** The QR content: the verify URL, entirely upper case so the QR can use alphanumeric mode. */
  verifyUrl(token: string): string {
    return `${this.publicUrl}/V/${token}`.toUpperCase();
  }

  /** A receipt's PDF; never cached, as each receipt is signed afresh. */
  renderReceipt(view: Omit<ReceiptView, 'publicUrl'>): Promise<Uint8Array> {
    return this.renderer.receiptPdf({ ...view, publicUrl: this.publicUrl });
  }

  render(row: CertificateRow, format: DocumentFormat): Promise<Uint8Array> {
    const key = `${row.id}.${format}`;
    const cached = this.#cache.get(key);
    if (cached) return cached;

    const view: CertificateView = {
      record: JSON.parse(row.record) as CertificateRecord,
      verifyUrl: this.verifyUrl(row.token),
      publicUrl: this.publicUrl,
      signed: { token: row.token, record: row.record },
    };
    const rendering = format === 'png' ? this.renderer.png(view) : this.renderer.pdf(view);
    rendering.catch(() => this.#cache.delete(key));

    if (this.#cache.size >= CACHE_ENTRIES) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(key, rendering);
    return rendering;
  }
}
