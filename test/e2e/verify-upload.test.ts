import { createHash } from 'node:crypto';
import { encode as encodePng } from 'fast-png';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentResult } from '../../src/documents/pdf-attachments.js';
import type { PdfAttachmentReader } from '../../src/documents/pdf-reader.js';
import { ThreadPdfReader } from '../../src/node/threads.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { guardianshipRequest } from '../support/requests.js';
import {
  type CertificateJson,
  download,
  expectError,
  issue,
  postRevoke,
  TWELVE_DIGITS,
  tokenOf,
} from './client.js';
import { attachedNames, detach, jpegOf } from './pdf-tools.js';

/** `POST /api/v1/verify` with one multipart field (a file unless a string is given). */
async function upload(
  registry: TestRegistry,
  content: Uint8Array | string,
  options: { field?: string; extra?: Record<string, string> } = {},
): Promise<Response> {
  const form = new FormData();
  const field = options.field ?? 'file';
  if (typeof content === 'string') {
    form.append(field, content);
  } else {
    const blob = new Blob([content as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
    form.append(field, blob, 'certificate.pdf');
  }
  for (const [name, text] of Object.entries(options.extra ?? {})) form.append(name, text);
  return registry.request('/api/v1/verify', { method: 'POST', body: form });
}

async function uploadJson(registry: TestRegistry, pdf: Uint8Array) {
  const response = await upload(registry, pdf);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(text).not.toMatch(TWELVE_DIGITS);
  return JSON.parse(text);
}

/** Uploads `file` and asks `/healthz` 100 ms later: which of the two answered first. */
async function healthzDuring(registry: TestRegistry, file: Uint8Array) {
  const order: string[] = [];
  const uploaded = upload(registry, file).then((response) => {
    order.push('upload');
    return response;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const health = await registry.request('/healthz');
  order.push('healthz');
  expect(health.status).toBe(200);
  return { order, response: await uploaded };
}

/** A PNG of a QR code holding `text`. */
async function qrPng(text: string): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(text, { type: 'png', margin: 4, scale: 4 }));
}

/** RFC 4648 base32, decoded here again rather than by src/crypto. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)));
}

/** The PDF with its attached certificate.json replaced by `edit(json)`, rewritten by pdf-lib. */
async function withEditedAttachment(pdf: Uint8Array, edit: (json: string) => string) {
  const doc = await PDFDocument.load(pdf);
  const json = detach(pdf, 'certificate.json').toString('utf8');
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict);
  const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const spec = tree.lookup(PDFName.of('Names'), PDFArray).lookup(1, PDFDict);
  const files = spec.lookup(PDFName.of('EF'), PDFDict);
  const ref = files.get(PDFName.of('F'));
  if (!(ref instanceof PDFRef)) throw new Error('expected a reference to the file stream');

  const stream = doc.context.flateStream(new TextEncoder().encode(edit(json)), {
    Type: 'EmbeddedFile',
    Subtype: 'application/json',
  });
  doc.context.assign(ref, stream);
  return doc.save();
}

describe.each(databaseTargets)('verifying an uploaded certificate PDF on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  let pdf: Uint8Array;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
    pdf = await download(registry, certificate.id, 'pdf');
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('carries the signed record and token, which pdfdetach extracts', () => {
    expect(attachedNames(pdf)).toEqual(['certificate.json']);
    const file = JSON.parse(detach(pdf, 'certificate.json').toString('utf8'));

    expect(Object.keys(file).sort()).toEqual(['record', 'token', 'type', 'v']);
    expect(file).toMatchObject({ v: 1, type: 'kz-registry/certificate' });
    expect(file.token).toBe(tokenOf(certificate.verifyUrl));

    // The token signs the first 16 bytes of SHA-256 of exactly these record bytes.
    const digest = createHash('sha256').update(file.record, 'utf8').digest().subarray(0, 16);
    expect(base32(file.token).subarray(29, 45).equals(digest)).toBe(true);
    expect(JSON.parse(file.record)).toMatchObject({
      id: certificate.id,
      serial: certificate.serial,
      guardian: { lastName: 'Әбілқасымова', firstName: 'Гүлнұр', middleName: 'Серікқызы' },
    });
  });

  it('is valid with the full names as the paper prints them', async () => {
    const request = guardianshipRequest();
    const result = await uploadJson(registry, pdf);

    expect(result).toMatchObject({
      verdict: 'valid',
      certificate: { id: certificate.id, serial: certificate.serial },
      record: {
        matches: true,
        serial: certificate.serial,
        type: 'guardianship',
        guardian: {
          lastName: 'Әбілқасымова',
          firstName: 'Гүлнұр',
          middleName: 'Серікқызы',
          iin: `••••••••••${request.guardian.iin.slice(10)}`,
        },
        child: { lastName: 'Нұрланұлы', firstName: 'Әлихан', birthDate: '2018-03-09' },
        decision: { number: '1-15/2345', date: '2026-11-20' },
        validFrom: certificate.validFrom,
        validUntil: certificate.validUntil,
      },
    });
  });

  it('is invalid once one letter of a name in the embedded record changed', async () => {
    const edited = await withEditedAttachment(pdf, (json) => json.replace('Гүлнұр', 'Гүлнар'));
    expect(detach(edited, 'certificate.json').toString('utf8')).toContain('Гүлнар');

    const result = await uploadJson(registry, edited);
    expect(result).toEqual({
      verdict: 'invalid',
      cause: 'record_mismatch',
      message: 'The certificate data in the file does not match its signed code: it was altered',
      checkedAt: registry.clock.now().toISOString(),
    });
  });

  it('is invalid when the embedded token was forged', async () => {
    const edited = await withEditedAttachment(pdf, (json) => {
      const file = JSON.parse(json);
      const token = file.token as string;
      const flipped = token.slice(0, 150) + (token[150] === 'A' ? 'B' : 'A') + token.slice(151);
      return JSON.stringify({ ...file, token: flipped });
    });
    const result = await uploadJson(registry, edited);
    expect(result).toMatchObject({ verdict: 'invalid', cause: 'signature' });
    expect(result.record).toBeUndefined();
  });

  it('gives the revocation and the record of a revoked certificate', async () => {
    const revoked = await issue(registry);
    const revokedPdf = await download(registry, revoked.id, 'pdf');
    await postRevoke(registry, revoked.id, { reason: 'guardianship_terminated' });

    const result = await uploadJson(registry, revokedPdf);
    expect(result).toMatchObject({
      verdict: 'revoked',
      revocation: { reason: 'guardianship_terminated' },
      record: { matches: true, serial: revoked.serial },
    });
  });

  it('is invalid (format) for a PDF without the attachment, or one that cannot be read', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const cases: [Uint8Array, string][] = [
      [await blank.save(), 'the PDF carries no usable certificate.json'],
      [new TextEncoder().encode('%PDF-1.7\nnot really'), 'the PDF cannot be read'],
      [
        await withEditedAttachment(pdf, () => '{"v":1}'),
        'certificate.json: not a version 1 certificate file',
      ],
    ];
    for (const [file, why] of cases) {
      expect(await uploadJson(registry, file)).toEqual({
        verdict: 'invalid',
        cause: 'format',
        message: `Not a certificate of this registry: ${why}`,
        checkedAt: registry.clock.now().toISOString(),
      });
    }
  });

  it('refuses what is neither a PDF nor a photo with 415, naming the field', async () => {
    const gif = new TextEncoder().encode('GIF89a and then some');
    for (const file of [gif, crypto.getRandomValues(new Uint8Array(3000))]) {
      await expectError(await upload(registry, file), {
        status: 415,
        code: 'unsupported_media_type',
        field: 'file',
        message: 'file: expected a PDF certificate or a PNG or JPEG photo of it',
      });
    }

    const json = await registry.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ file: 'x' }),
    });
    await expectError(json, {
      status: 415,
      code: 'unsupported_media_type',
      field: 'file',
      message: 'file: send the certificate PDF as multipart/form-data in the field "file"',
    });
  });

  it('refuses an empty, a missing or a text file, and unknown fields, with 400', async () => {
    const cases: [Response, string, string][] = [
      [await upload(registry, new Uint8Array(0)), 'file', 'file: is empty'],
      [await upload(registry, pdf, { field: 'document' }), 'document', 'document: unknown field'],
      [await upload(registry, 'a text'), 'file', 'file: expected a file'],
      [await upload(registry, pdf, { extra: { note: 'x' } }), 'note', 'note: unknown field'],
    ];
    for (const [response, field, message] of cases) {
      await expectError(response, { status: 400, code: 'validation_failed', field, message });
    }
  });

  it('refuses a file over 8 MB with 413 before reading it', async () => {
    const huge = new Uint8Array(8 * 1024 * 1024 + 20 * 1024);
    huge.set(new TextEncoder().encode('%PDF-1.7\n'));
    await expectError(await upload(registry, huge), {
      status: 413,
      code: 'payload_too_large',
      field: 'file',
      message: 'file: expected a file of at most 8 MB',
    });
  });
});

describe('verifying an uploaded photo of a certificate', () => {
  let registry: TestRegistry;
  let certificate: CertificateJson;

  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number]);
    certificate = await issue(registry);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('reads the QR of a PNG screenshot and gives the verdict, without a record', async () => {
    const png = await download(registry, certificate.id, 'png');
    const result = await uploadJson(registry, png);

    expect(result).toMatchObject({ verdict: 'valid', certificate: { id: certificate.id } });
    expect(result.record).toBeUndefined();
  });

  it('reads the QR of a JPEG that poppler rendered from the PDF', async () => {
    const pdf = await download(registry, certificate.id, 'pdf');
    const result = await uploadJson(registry, jpegOf(pdf));
    expect(result).toMatchObject({ verdict: 'valid', certificate: { serial: certificate.serial } });
  });

  it('says when no QR can be read, with 422', async () => {
    const blank = encodePng({
      width: 400,
      height: 300,
      channels: 4,
      depth: 8,
      data: new Uint8Array(400 * 300 * 4).fill(255),
    });
    await expectError(await upload(registry, blank), {
      status: 422,
      code: 'qr_unreadable',
      field: 'file',
      message: /^file: no QR code could be read in the image/,
    });
  });

  it('refuses a PNG or JPEG of more than 24 megapixels with 413 from its header', async () => {
    const png = new Uint8Array(64);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 5_000);
    new DataView(png.buffer).setUint32(20, 5_000);
    // SOI, an APP0 segment of 16 bytes, then a baseline frame header of 7000 x 4000.
    const jpeg = new Uint8Array(64);
    jpeg.set([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
    jpeg.set([0xff, 0xc0, 0, 17, 8, 4000 >> 8, 4000 & 255, 7000 >> 8, 7000 & 255, 3], 20);
    for (const file of [png, jpeg]) {
      await expectError(await upload(registry, file), {
        status: 413,
        code: 'payload_too_large',
        field: 'file',
        message: 'file: expected a photo of at most 24 megapixels',
      });
    }
  });

  it('says a damaged or truncated PNG or JPEG is unreadable, with 422', async () => {
    const png = await download(registry, certificate.id, 'png');
    const jpeg = jpegOf(await download(registry, certificate.id, 'pdf'));
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    for (const file of [broken, png.subarray(0, png.length / 2), jpeg.subarray(0, 400)]) {
      await expectError(await upload(registry, file), {
        status: 422,
        code: 'qr_unreadable',
        field: 'file',
        message: /^file: (the image cannot be decoded|no QR code could be read)/,
      });
    }
  });

  it('refuses two files in one upload with 400 naming the field', async () => {
    const png = await download(registry, certificate.id, 'png');
    const form = new FormData();
    form.append('file', new Blob([png as Uint8Array<ArrayBuffer>]), 'a.png');
    form.append('file', new Blob([png as Uint8Array<ArrayBuffer>]), 'b.png');
    const response = await registry.request('/api/v1/verify', { method: 'POST', body: form });
    await expectError(response, {
      status: 400,
      code: 'validation_failed',
      field: 'file',
      message: 'file: expected one file',
    });
  });

  it('keeps answering other requests while a large photo decodes in a thread', async () => {
    const side = 4_500; // 20 MP: under the limit, and a decode of a good fraction of a second
    const white = encodePng({
      width: side,
      height: side,
      channels: 1,
      depth: 8,
      data: new Uint8Array(side * side).fill(255),
    });
    const { order, response } = await healthzDuring(registry, white);
    expect(response.status).toBe(422);
    expect(order).toEqual(['healthz', 'upload']);
  });

  it('is invalid (format) for a QR leading to another site', async () => {
    const foreign = await qrPng(`https://evil.example/V/${tokenOf(certificate.verifyUrl)}`);
    expect(await uploadJson(registry, foreign)).toMatchObject({
      verdict: 'invalid',
      cause: 'format',
      message: 'Not a certificate of this registry: the QR code leads to another site',
    });
  });
});

describe('reading uploaded PDFs off the event loop, bounded in time and number', () => {
  let registry: TestRegistry;
  let pdf: Uint8Array;
  // The registry's reader hands each read to `current`, which a test may swap.
  const threads = new ThreadPdfReader();
  let current: PdfAttachmentReader = threads;

  beforeAll(async () => {
    registry = await startTestRegistry(databaseTargets[0] as (typeof databaseTargets)[number], {
      pdfReader: { read: (...args) => current.read(...args) },
    });
    pdf = await download(registry, (await issue(registry)).id, 'pdf');
  });
  afterAll(async () => {
    await registry?.close();
    await threads.close();
  });

  it('keeps answering other requests while a large damaged PDF is parsed in a thread', async () => {
    const junk = new Uint8Array(300_000);
    for (let at = 0; at < junk.length; at += 65_536) {
      crypto.getRandomValues(junk.subarray(at, at + 65_536));
    }
    junk.set(new TextEncoder().encode('%PDF-1.4\n'));

    const { order, response } = await healthzDuring(registry, junk);
    expect(await response.json()).toMatchObject({
      verdict: 'invalid',
      cause: 'format',
      message: 'Not a certificate of this registry: the PDF cannot be read',
    });
    expect(order).toEqual(['healthz', 'upload']);
  });

  it('answers a PDF that is not read within the time limit as unreadable (invalid, format)', async () => {
    expect(await uploadJson(registry, pdf)).toMatchObject({ verdict: 'valid' });

    const hurried = new ThreadPdfReader({ timeLimitMs: 1 });
    current = hurried;
    try {
      expect(await uploadJson(registry, pdf)).toEqual({
        verdict: 'invalid',
        cause: 'format',
        message: 'Not a certificate of this registry: the PDF cannot be read',
        checkedAt: registry.clock.now().toISOString(),
      });
    } finally {
      current = threads;
      await hurried.close();
    }
  });

  it('reads 2 PDFs at once, queues 4, and answers 503 with Retry-After beyond', async () => {
    const held: ((result: AttachmentResult) => void)[] = [];
    current = { read: () => new Promise((resolve) => held.push(resolve)) };
    try {
      const waiting = [1, 2, 3, 4, 5, 6].map(() => upload(registry, pdf));
      while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 100)); // the other four reach the queue

      const refused = await upload(registry, pdf);
      expect(refused.headers.get('retry-after')).toBe('5');
      await expectError(refused, {
        status: 503,
        code: 'service_unavailable',
        message: 'Too many PDFs are being read right now; try again in a few seconds',
      });

      current = threads; // the queued four are read for real
      for (const finish of held) finish({ ok: false, code: 'attachment_missing' });
      const answers = await Promise.all(waiting);
      expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const verdicts = await Promise.all(
        answers.map((response) => response.json() as Promise<{ verdict: string }>),
      );
      expect(verdicts.map((verdict) => verdict.verdict)).toEqual([
        'invalid',
        'invalid',
        'valid',
        'valid',
        'valid',
        'valid',
      ]);
    } finally {
      current = threads;
    }
  });
});
