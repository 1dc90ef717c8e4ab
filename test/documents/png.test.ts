import { decode } from 'fast-png';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { loadNodeFonts, renderCertificatePng } from '../../src/documents/node.js';
import { readQrFromPng } from './decode.js';
import { sampleView, stressRecord } from './fixture.js';
import { reportedRecord, WIDEST_LETTER, worstRecord } from './worst-case.js';

describe('renderCertificatePng', () => {
  let fonts: CertificateFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
  });

  it('renders A4 at twice 96 dpi', async () => {
    const png = await renderCertificatePng(sampleView(), fonts);

    const image = decode(png);
    expect([image.width, image.height]).toEqual([1588, 2246]);
  });

  it('carries a QR code that an independent decoder reads as exactly the verify URL', async () => {
    for (const view of [sampleView(), sampleView(stressRecord)]) {
      const png = await renderCertificatePng(view, fonts);

      expect(readQrFromPng(png)).toBe(view.verifyUrl);
    }
  });

  it('keeps the QR code readable beside the longest values the API accepts', async () => {
    const records = [
      reportedRecord,
      worstRecord('guardianship'),
      worstRecord('trusteeship'),
      worstRecord('trusteeship', WIDEST_LETTER),
    ];
    for (const record of records) {
      const view = sampleView(record);
      const png = await renderCertificatePng(view, fonts);

      expect(readQrFromPng(png)).toBe(view.verifyUrl);
    }
  });
});
