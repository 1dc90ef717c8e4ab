import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/documents/errors.js';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { fullName } from '../../src/documents/format.js';
import { PAGE } from '../../src/documents/layout.js';
import { loadNodeFonts, renderCertificatePdf } from '../../src/documents/node.js';
import { pdfRenderer, REGISTRY_NAME } from '../../src/documents/pdf.js';
import { pdfFonts, pdfInfo, pdfPagePng, pdfText, pdfWords, readQrFromPng } from './decode.js';
import { fakeToken, LONG_PUBLIC_URL, sampleRecord, sampleView, stressRecord } from './fixture.js';
import { CONTENT } from './layout-ops.js';
import { reportedRecord, WIDEST_LETTER, worstRecord } from './worst-case.js';

/** Extracted text with line breaks as spaces: a long name may wrap between its words. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const POINTS = 0.75;

/** Inside the double rule, in points: the white area that the frame encloses. */
const INSIDE_FRAME = { top: 40 * POINTS, bottom: (PAGE.height - 40) * POINTS };

describe('renderCertificatePdf', () => {
  let fonts: CertificateFonts;
  let sample: Uint8Array;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
    sample = await renderCertificatePdf(sampleView(), fonts);
  });

  it('has a text layer with the serial, the names, the IINs and the dates', () => {
    const text = words(pdfText(sample));

    for (const expected of [
      'ОП-2024-000137',
      'Қорғаншылық туралы анықтама',
      'Справка об опеке',
      'Астана қаласы Сарыарқа ауданының әкімдігі',
      'Әбілқасымова Гүлнұр Серікқызы',
      'Нұрланұлы Әлихан',
      sampleRecord.guardian.iin,
      sampleRecord.child.iin,
      '14.06.2013',
      '№ 512-қ, 14.03.2024',
      '15.03.2024 — 13.06.2027',
      '15.03.2024 10:42',
      `откройте ${LONG_PUBLIC_URL}`,
      sampleRecord.kid,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('extracts every Kazakh letter as itself', async () => {
    const stress = await renderCertificatePdf(sampleView(stressRecord), fonts);
    const text = words(pdfText(sample) + pdfText(stress));

    expect(text).toContain('Үсенбаев-Шаһмарданов Өмірзақ Ғалымжанұлы');
    expect(text).toContain('Ұлықбекова Іңкәр Өмірзаққызы');
    expect(text).toContain('Справка о попечительстве');
    for (const letter of 'әғқңөұүһіӘҒҚӨҰҮІ') expect(text).toContain(letter);
  });

  it('carries a QR code that reads back as the verify URL after poppler rasterises it', () => {
    const page = pdfPagePng(sample, 150);

    expect(readQrFromPng(page)).toBe(sampleView().verifyUrl);
  });

  it('is one A4 page whose metadata names the serial and the registry and nobody else', () => {
    const info = pdfInfo(sample);

    expect(info).toMatch(/^Title:\s+ОП-2024-000137$/m);
    expect(info).toMatch(new RegExp(`^Creator:\\s+${REGISTRY_NAME}$`, 'm'));
    expect(info).toMatch(new RegExp(`^Producer:\\s+${REGISTRY_NAME}$`, 'm'));
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).not.toContain('Әбілқасымова');
    expect(info).not.toContain(sampleRecord.guardian.iin);
  });

  it('embeds both faces as tagged subsets', () => {
    const fontsList = pdfFonts(sample);

    expect(fontsList).toMatch(
      /^[A-Z]{6}\+PTSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/m,
    );
    expect(fontsList).toMatch(/^[A-Z]{6}\+PTSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/m);
    expect(sample.byteLength).toBeLessThan(60_000);
  });

  it('gives the same bytes for the same certificate', async () => {
    const again = await renderCertificatePdf(sampleView(), fonts);

    expect(Buffer.from(again).equals(Buffer.from(sample))).toBe(true);
  });

  it('still has a correct text layer when no subsetter is given', async () => {
    const whole = await pdfRenderer()(sampleView(), fonts);

    expect(pdfText(whole)).toContain('Әбілқасымова Гүлнұр Серікқызы');
    expect(whole.byteLength).toBeGreaterThan(sample.byteLength);
  });

  it('refuses a verify URL too long for the QR version the contract fixes', async () => {
    const view = { ...sampleView(), verifyUrl: `HTTPS://VERIFY.EGOV.KZ/V/${fakeToken(230)}` };

    const failure = renderCertificatePdf(view, fonts);

    await expect(failure).rejects.toBeInstanceOf(DocumentError);
    await expect(failure).rejects.toMatchObject({ code: 'qr_too_large' });
  });
});

describe.each([
  ['the reported double surname and decision number', reportedRecord],
  ['a guardianship at every maximum length', worstRecord('guardianship')],
  ['a trusteeship at every maximum length', worstRecord('trusteeship')],
  ['names of the widest letter at maximum length', worstRecord('trusteeship', WIDEST_LETTER)],
])('the PDF of %s', (_, record) => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await renderCertificatePdf(sampleView(record), await loadNodeFonts());
  });

  it('extracts both full names and the whole decision number', () => {
    const text = pdfText(pdf);

    // poppler joins a line that ends in a hyphen to the next, as the layout's breaks expect.
    expect(words(text)).toContain(fullName(record.guardian));
    expect(words(text)).toContain(fullName(record.child));
    expect(text.replace(/\s/g, '')).toContain(`№${record.decision.number},`);
  });

  it('has every word of its text layer inside the frame, none past its right edge', () => {
    const all = pdfWords(pdf);

    expect(all.length).toBeGreaterThan(100);
    for (const word of all) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(CONTENT.left * POINTS - 0.01);
      expect(word.xMax, word.text).toBeLessThanOrEqual(CONTENT.right * POINTS + 0.5);
      expect(word.yMin, word.text).toBeGreaterThanOrEqual(INSIDE_FRAME.top);
      expect(word.yMax, word.text).toBeLessThanOrEqual(INSIDE_FRAME.bottom);
    }
  });

  it('carries a QR code that reads back after poppler rasterises it', () => {
    expect(readQrFromPng(pdfPagePng(pdf, 150))).toBe(sampleView(record).verifyUrl);
  });
});
