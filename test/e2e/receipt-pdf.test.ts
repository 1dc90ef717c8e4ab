import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceipt } from '../../src/receipts/verify-receipt.js';
import { startTestRegistry, type TestRegistry } from '../support/app.js';
import { databaseTargets } from '../support/databases.js';
import { type CertificateJson, issue, postRevoke, TWELVE_DIGITS, tokenOf } from './client.js';
import { freshCheckpoint, getText } from './log-client.js';
import { attachedNames, detach, pdfText } from './pdf-tools.js';
import { nodeVerifiesReceipt } from './receipt-client.js';

const BANK = 'ТОО «Қазақстан Банкі»';

async function postReceiptPdf(
  registry: TestRegistry,
  path: string,
  headers: Record<string, string> = {},
): Promise<Uint8Array> {
  const response = await registry.request(path, { method: 'POST', headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

describe.each(databaseTargets)('receipt PDFs on $name', (target) => {
  let registry: TestRegistry;
  let certificate: CertificateJson;
  let logKey: string;
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    registry = await startTestRegistry(target);
    certificate = await issue(registry);
    await freshCheckpoint(registry);
    logKey = await getText(registry, '/api/v1/log/key');
    pdf = await postReceiptPdf(
      registry,
      `/api/v1/verify/${tokenOf(certificate.verifyUrl)}/receipt.pdf`,
      {
        'x-verifier-organization': encodeURIComponent(BANK),
      },
    );
    text = pdfText(pdf);
    if (process.env.RECEIPT_PDF_OUT) writeFileSync(process.env.RECEIPT_PDF_OUT, pdf);
  });
  afterAll(async () => {
    await registry?.close();
  });

  it('shows the serial, the verdict, the time and the verifier in its text layer', () => {
    expect(text).toContain(certificate.serial);
    expect(text).toContain('Анықтама түпнұсқа және жарамды');
    expect(text).toContain('Справка подлинная и действительна');
    expect(text).toContain('Authentic and valid (valid)');
    expect(text).toContain('03.12.2026 12:00');
    expect(text).toContain(registry.clock.now().toISOString());
    expect(text).toContain(BANK);
    expect(text).toContain('Әбілқасымова Г. С.');
    expect(text).toContain('Анықтаманы тексеру түбіртегі');
    expect(text).not.toMatch(TWELVE_DIGITS);
  });

  it('carries the signed receipt, which pdfdetach extracts and which verifies', async () => {
    expect(attachedNames(pdf)).toEqual(['receipt.json']);
    const receipt = JSON.parse(detach(pdf, 'receipt.json').toString('utf8'));

    expect(receipt.verification).toMatchObject({
      verdict: 'valid',
      certificate: { id: certificate.id },
    });
    expect(receipt.verifier).toEqual({ organization: BANK });
    expect(await verifyReceipt(receipt, logKey)).toMatchObject({ ok: true, included: true });
    expect(nodeVerifiesReceipt(receipt, logKey)).toBe(true);
  });

  it('answers the PDF to Accept: application/pdf, and JSON otherwise', async () => {
    const path = `/api/v1/verify/${tokenOf(certificate.verifyUrl)}/receipt`;
    const asked = await postReceiptPdf(registry, path, { accept: 'application/pdf' });
    expect(attachedNames(asked)).toEqual(['receipt.json']);

    const named = await registry.request(path, {
      method: 'POST',
      headers: { accept: 'application/pdf' },
    });
    await named.arrayBuffer();
    expect(named.headers.get('content-disposition')).toBe(
      `attachment; filename="receipt-${certificate.serial}.pdf"`,
    );
    expect(named.headers.get('cache-control')).toBe('no-store');

    const json = await registry.request(path, {
      method: 'POST',
      headers: { accept: 'application/json, application/pdf' },
    });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('gives the reason of a revocation in words', async () => {
    const revoked = await issue(registry);
    await postRevoke(registry, revoked.id, { reason: 'guardianship_terminated' });
    const receiptPdf = await postReceiptPdf(
      registry,
      `/api/v1/verify/${tokenOf(revoked.verifyUrl)}/receipt.pdf`,
    );
    const words = pdfText(receiptPdf);

    expect(words).toContain(revoked.serial);
    expect(words).toContain('Revoked (revoked)');
    expect(words).toContain('Опека (попечительство) прекращена');
  });
});
