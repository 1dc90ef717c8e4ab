import { create } from 'qrcode';
import { DocumentError } from './errors.js';

/**
 * The largest QR version we print: 57 modules a side, which old phone cameras still read at the
 * size we print it. A verify URL that outgrows it means the token format changed, which the public
 * contract forbids, so we fail instead of printing a denser symbol.
 */
export const MAX_QR_VERSION = 10;

/**
 * What version 10 at level Q holds in alphanumeric mode (ISO/IEC 18004, table 7). With the base
 * `HTTPS://VERIFY.REGISTRY.EGOV.KZ/V/` (34 characters) that leaves 187 base32 characters, 116
 * bytes, for the token; runs of digits pack tighter and can let a longer URL fit.
 */
export const MAX_ALPHANUMERIC_URL_LENGTH = 221;

/** Light modules around the symbol, as ISO/IEC 18004 asks for. */
export const QUIET_ZONE = 4;

/** The characters of the QR alphanumeric mode (ISO/IEC 18004, table 5). */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** An encoded QR symbol with its quiet zone, ready to be drawn module by module. */
export interface QrSymbol {
  /** QR version, 1..40; the verify URL must fit in {@link MAX_QR_VERSION}. */
  version: number;
  /** The encoding modes the encoder chose: only `Alphanumeric` and `Numeric` can occur. */
  modes: string[];
  /** Modules per side, quiet zone included. */
  size: number;
  /** Whether the module at column `x`, row `y` (quiet zone included) is dark. */
  isDark(x: number, y: number): boolean;
}

/**
 * Encodes a verify URL at error correction level Q. Level Q survives a quarter of the symbol being
 * scratched or folded, which a paper certificate carried for years needs. The URL must be upper
 * case so that it fits the alphanumeric mode (5.5 bits a character instead of 8); the encoder may
 * still put a run of digits in numeric mode, which is smaller again.
 */
export function encodeVerifyQr(url: string): QrSymbol {
  if (!ALPHANUMERIC.test(url)) {
    throw new DocumentError(
      'qr_not_alphanumeric',
      'verifyUrl must use only QR alphanumeric characters (0-9, A-Z, space, $%*+-./:), got ' +
        JSON.stringify(url.slice(0, 40)),
    );
  }

  let symbol: ReturnType<typeof create>;
  try {
    symbol = create(url, { errorCorrectionLevel: 'Q' });
  } catch {
    throw tooLarge(url, 'more than 40');
  }
  const { version, modules, segments } = symbol;
  if (version > MAX_QR_VERSION) throw tooLarge(url, String(version));

  const inner = modules.size;
  return {
    version,
    modes: segments.map((segment) => segment.mode.id),
    size: inner + 2 * QUIET_ZONE,
    isDark(x, y) {
      const col = x - QUIET_ZONE;
      const row = y - QUIET_ZONE;
      if (col < 0 || row < 0 || col >= inner || row >= inner) return false;
      return modules.get(row, col) === 1;
    },
  };
}

/**
 * The dark modules as one SVG path in module units, a horizontal run per rectangle. One path keeps
 * the PDF small and lets a rasteriser fill touching modules without hairline seams between them.
 */
export function qrPathData(qr: QrSymbol): string {
  let d = '';
  for (let y = 0; y < qr.size; y++) {
    let x = 0;
    while (x < qr.size) {
      if (!qr.isDark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < qr.size && qr.isDark(x, y)) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return d;
}

/** A standalone SVG of the symbol on a white square, for embedding as an image. */
export function qrSvg(qr: QrSymbol): string {
  const n = qr.size;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" ` +
    'shape-rendering="crispEdges">' +
    `<rect width="${n}" height="${n}" fill="#fff"/><path fill="#000" d="${qrPathData(qr)}"/></svg>`
  );
}

function tooLarge(url: string, version: string): DocumentError {
  return new DocumentError(
    'qr_too_large',
    `verifyUrl of ${url.length} characters needs QR version ${version} at level Q, ` +
      `expected at most ${MAX_QR_VERSION}`,
  );
}
