import { encode as encodePng } from 'fast-png';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { attachFile } from '../../src/documents/pdf-attachments.js';
import { inProcessPdfReader } from '../../src/documents/pdf-reader.js';
import { inProcessPhotoReader } from '../../src/documents/photo-reader.js';
import { ThreadPdfReader, ThreadPhotoReader } from '../../src/node/threads.js';

const threads = new ThreadPhotoReader();
const pdfThreads = new ThreadPdfReader();
afterAll(() => Promise.all([threads.close(), pdfThreads.close()]));

/** A white 20-megapixel PNG: small on the wire, a long decode. */
function largeWhitePng(): Uint8Array {
  const side = 4_500;
  const data = new Uint8Array(side * side).fill(255);
  return encodePng({ width: side, height: side, channels: 1, depth: 8, data });
}

/** Which finishes first: the read, or a timer set just after it started. */
async function orderOf(read: Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const reading = read.then(() => order.push('read'));
  await new Promise((resolve) => setTimeout(resolve, 10));
  order.push('timer');
  await reading;
  return order;
}

describe('ThreadPhotoReader', () => {
  it('reads the QR of a photo as the in-process reader does', async () => {
    const png = new Uint8Array(await QRCode.toBuffer('ABC-123', { type: 'png', scale: 4 }));
    expect(await threads.read(png, 'image/png')).toEqual({ ok: true, text: 'ABC-123' });
    expect(await inProcessPhotoReader.read(png, 'image/png')).toEqual({
      ok: true,
      text: 'ABC-123',
    });
  });

  it('leaves the event loop free while it decodes, where the in-process reader holds it', async () => {
    const png = largeWhitePng();
    expect(await orderOf(threads.read(png, 'image/png'))).toEqual(['timer', 'read']);
    expect(await orderOf(inProcessPhotoReader.read(png, 'image/png'))).toEqual(['read', 'timer']);
  });

  it('answers unreadable for a truncated image, and keeps working', async () => {
    const png = new Uint8Array(await QRCode.toBuffer('ABC-123', { type: 'png', scale: 4 }));
    expect(await threads.read(png.subarray(0, 100), 'image/png')).toEqual({
      ok: false,
      code: 'image_unreadable',
    });
    expect(await threads.read(png, 'image/png')).toEqual({ ok: true, text: 'ABC-123' });
  });

  it('stops a decode past its time limit and answers the photo unreadable, then reads the next', async () => {
    const hurried = new ThreadPhotoReader({ timeLimitMs: 1 });
    try {
      const png = new Uint8Array(await QRCode.toBuffer('ABC-123', { type: 'png', scale: 4 }));
      expect(await hurried.read(largeWhitePng(), 'image/png')).toEqual({
        ok: false,
        code: 'image_unreadable',
      });
      // Read in time elsewhere, the same photo is refused here for time alone.
      expect(await threads.read(png, 'image/png')).toEqual({ ok: true, text: 'ABC-123' });
      expect(await hurried.read(png, 'image/png')).toEqual({ ok: false, code: 'image_unreadable' });
    } finally {
      await hurried.close();
    }
  });
});

/** A one-page PDF with `data.json` attached. */
async function pdfWithAttachment(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const json = new TextEncoder().encode('{"a":1}');
  await attachFile(doc, 'data.json', json, { description: 'data', date: new Date(0) });
  return doc.save();
}

/** A PDF header and then random bytes: pdf-lib scans all of it, slowly, before it gives up. */
function randomPdf(bytes: number): Uint8Array {
  const pdf = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65_536) {
    crypto.getRandomValues(pdf.subarray(at, Math.min(at + 65_536, bytes)));
  }
  pdf.set(new TextEncoder().encode('%PDF-1.4\n'));
  return pdf;
}

describe('ThreadPdfReader', () => {
  it('reads an attached file as the in-process reader does', async () => {
    const pdf = await pdfWithAttachment();
    const attached = { ok: true, bytes: new TextEncoder().encode('{"a":1}') };
    expect(await pdfThreads.read(pdf, 'data.json', 100)).toEqual(attached);
    expect(await inProcessPdfReader.read(pdf, 'data.json', 100)).toEqual(attached);
    expect(await pdfThreads.read(pdf, 'other.json', 100)).toEqual({
      ok: false,
      code: 'attachment_missing',
    });
  });

  it('leaves the event loop free while it parses, where the in-process reader holds it', async () => {
    const pdf = randomPdf(150_000);
    const unreadable = { ok: false, code: 'pdf_unreadable' };
    const reading = pdfThreads.read(pdf, 'data.json', 100);
    expect(await orderOf(reading)).toEqual(['timer', 'read']);
    expect(await reading).toEqual(unreadable);
    const inProcess = inProcessPdfReader.read(pdf, 'data.json', 100);
    expect(await orderOf(inProcess)).toEqual(['read', 'timer']);
  });

  it('stops a read past its time limit and answers the PDF unreadable, then reads the next', async () => {
    const hurried = new ThreadPdfReader({ timeLimitMs: 1 });
    try {
      const pdf = await pdfWithAttachment();
      expect(await hurried.read(randomPdf(2_000_000), 'data.json', 100)).toEqual({
        ok: false,
        code: 'pdf_unreadable',
      });
      // Finished in time elsewhere, the same read is refused here for time alone.
      expect(await pdfThreads.read(pdf, 'data.json', 100)).toMatchObject({ ok: true });
      expect(await hurried.read(pdf, 'data.json', 100)).toEqual({
        ok: false,
        code: 'pdf_unreadable',
      });
    } finally {
      await hurried.close();
    }
  });
});
