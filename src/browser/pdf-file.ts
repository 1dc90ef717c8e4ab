import { decodeCanvas } from './qr-image.js';

/** The PDF renderer, served from this origin (scripts/build-web.ts copies it from pdfjs-dist). */
const PDFJS = '/vendor/pdfjs/pdf.min.mjs';
const PDFJS_WORKER = '/vendor/pdfjs/pdf.worker.min.mjs';

/** Wide enough for the certificate's 53 mm QR code to have several pixels per module. */
const RENDER_WIDTH = 1800;

interface PdfJs {
  GlobalWorkerOptions: { workerSrc: string };
  getDocument(options: { data: Uint8Array; isEvalSupported: boolean }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        getViewport(o: { scale: number }): { width: number; height: number };
        render(o: {
          canvasContext: CanvasRenderingContext2D;
          viewport: unknown;
          background?: string;
        }): { promise: Promise<void> };
      }>;
      destroy(): Promise<void>;
    }>;
  };
}

/** What the server said about an uploaded PDF, when it reads PDFs itself. */
export type ServerPdfAnswer = { verdict: string; token?: string; verifyUrl?: string };

/**
 * Asks `POST /api/v1/verify` to read the PDF (the registry embeds the record in the PDFs it
 * issues). Undefined when that endpoint is not there (404, 405) or does not answer a verdict,
 * so the page reads the QR code itself.
 */
export async function askServerAboutPdf(file: File): Promise<ServerPdfAnswer | undefined> {
  const form = new FormData();
  form.append('file', file, file.name || 'certificate.pdf');
  try {
    const response = await fetch('/api/v1/verify', { method: 'POST', body: form });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Partial<ServerPdfAnswer>;
    return typeof body.verdict === 'string' ? (body as ServerPdfAnswer) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The QR text on the first page of a PDF, rendered with pdf.js (the certificate draws its QR
 * as vector paths, so there is no embedded image to pull out: rendering is what works for our
 * PDFs and for scans saved as PDF alike). Loaded only when a PDF is uploaded.
 */
export async function decodePdfFile(file: Blob): Promise<string | undefined> {
  const pdfjs = (await import(/* @vite-ignore */ PDFJS as string)) as PdfJs;
  pdfjs.GlobalWorkerOptions.workerSrc = PDFJS_WORKER;

  const data = new Uint8Array(await file.arrayBuffer());
  const pdf = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
  try {
    const page = await pdf.getPage(1);
    const unit = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: RENDER_WIDTH / unit.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return undefined;
    await page.render({ canvasContext: context, viewport, background: '#ffffff' }).promise;
    return await decodeCanvas(canvas);
  } finally {
    await pdf.destroy();
  }
}
