import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import jsQR from 'jsqr';

/** Grey levels as RGBA, the input jsQR wants, from 8-bit PNG pixels of any channel count. */
function toRgba(data: ArrayLike<number>, channels: number, pixels: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const grey = channels < 3;
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = data[i * channels + (grey ? 0 : c)] ?? 0;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** Decodes a PNG with fast-png and reads its QR code with jsQR, neither of which we render with. */
export function readQrFromPng(png: Uint8Array): string | undefined {
  const image = decode(png);
  if (image.depth !== 8) throw new Error(`expected an 8-bit PNG, got depth ${image.depth}`);

  const rgba = toRgba(image.data, image.channels, image.width * image.height);
  return jsQR(rgba, image.width, image.height)?.data;
}

/** Runs a poppler tool on a PDF in a scratch directory and returns what it wrote or printed. */
export function withPdfFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'cert-pdf-'));
  try {
    const path = join(dir, 'certificate.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a poppler tool, saying which Debian package brings it when it is not installed. */
export function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found: apt-get install -y poppler-utils`);
    }
    throw error;
  }
}

/** The text layer of a PDF as poppler's pdftotext extracts it. */
export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => poppler('pdftotext', [path, '-']));
}

/** The document information poppler's pdfinfo reports. */
export function pdfInfo(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => poppler('pdfinfo', [path]));
}

/** The fonts poppler's pdffonts lists. */
export function pdfFonts(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => poppler('pdffonts', [path]));
}

/** The first page rasterised by poppler's pdftoppm, as PNG bytes. */
export function pdfPagePng(pdf: Uint8Array, dpi: number): Uint8Array {
  return withPdfFile(pdf, (path, dir) => {
    poppler('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', path, join(dir, 'page')]);
    return new Uint8Array(readFileSync(join(dir, 'page.png')));
  });
}

/** A word of a PDF's text layer and its box in points, origin at the top left of the page. */
export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the first page with the box poppler's `pdftotext -bbox` gives it. */
export function pdfWords(pdf: Uint8Array): PdfWord[] {
  const html = withPdfFile(pdf, (path) => poppler('pdftotext', ['-bbox', path, '-']));
  const word =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g;
  return [...html.matchAll(word)].map(([, xMin, yMin, xMax, yMax, text = '']) => ({
    text,
    xMin: Number(xMin),
    yMin: Number(yMin),
    xMax: Number(xMax),
    yMax: Number(yMax),
  }));
}
