/**
 * Why a certificate document could not be produced. Each code is stable so that the web layer can
 * map it to a response without reading the message; the message is for logs and names what was
 * expected and what came.
 */
export type DocumentErrorCode =
  | 'qr_not_alphanumeric'
  | 'qr_too_large'
  | 'font_invalid'
  | 'svg_unsupported';

/**
 * The one error class of the documents module. A failure here is a fault of the input or of the
 * layout, never a verdict about the certificate, so it is thrown rather than returned.
 */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';

  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}
