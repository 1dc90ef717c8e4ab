import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { loadNodeFonts } from '../../src/documents/fonts-node.js';
import { PAGE, QR_SIZE } from '../../src/documents/layout.js';
import { encodeVerifyQr, QUIET_ZONE } from '../../src/documents/qr.js';
import { renderCertificateSvg } from '../../src/documents/svg.js';
import { type PaintOp, readSatoriSvg, type TextOp } from '../../src/documents/svg-reader.js';
import type { CertificateView } from '../../src/documents/view.js';
import { sampleView, stressRecord } from './fixture.js';

const MM_PER_PX = 25.4 / 96;

/** The white area inside the double frame, minus its padding: where all content belongs. */
const CONTENT = { left: 84, right: PAGE.width - 84, top: 70, bottom: PAGE.height - 68 };

async function layOut(view: CertificateView, fonts: CertificateFonts): Promise<PaintOp[]> {
  const qr = encodeVerifyQr(view.verifyUrl);
  return readSatoriSvg(await renderCertificateSvg(view, fonts, qr, { embedFont: false }));
}

/** Lines of text as they read, each run joined to the next on the same baseline. */
function lines(ops: PaintOp[]): string[] {
  const byBaseline = new Map<number, TextOp[]>();
  for (const op of ops) {
    if (op.kind !== 'text') continue;
    const key = Math.round(op.y);
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), op]);
  }
  return [...byBaseline.values()].map((runs) => runs.map((run) => run.text).join(''));
}

/** The box a run's glyphs occupy, approximately: the em box around its baseline. */
function glyphBox(op: TextOp) {
  return { left: op.x, right: op.x + op.width, top: op.y - 0.75 * op.fontSize, bottom: op.y };
}

describe('certificate layout', () => {
  let fonts: CertificateFonts;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
  });

  it('sets Kazakh before Russian in the title and names both parties', async () => {
    const text = lines(await layOut(sampleView(), fonts));

    const kk = text.indexOf('Қорғаншылық туралы анықтама');
    const ru = text.indexOf('Справка об опеке');
    expect(kk).toBeGreaterThan(-1);
    expect(ru).toBeGreaterThan(kk);
    expect(text).toContain('Әбілқасымова Гүлнұр Серікқызы');
    expect(text).toContain('Нұрланұлы Әлихан');
    expect(text).toContain('Туған күні / Дата рождения: 14.06.2013');
    expect(text).toContain('№ 512-қ, 14.03.2024');
    expect(text).toContain('15.03.2024 — 13.06.2027');
  });

  it('titles a trusteeship as one', async () => {
    const text = lines(await layOut(sampleView(stressRecord), fonts));

    expect(text).toContain('Қамқоршылық туралы анықтама');
    expect(text).toContain('Справка о попечительстве');
  });

  it('keeps long names inside the frame and clear of each other and of the QR', async () => {
    const ops = await layOut(sampleView(stressRecord), fonts);
    const texts = ops.flatMap((op) => (op.kind === 'text' && op.text.trim() ? [op] : []));
    const qr = ops.find((op) => op.kind === 'image');
    expect(qr).toBeDefined();

    for (const op of texts) {
      const box = glyphBox(op);
      expect(box.left, op.text).toBeGreaterThanOrEqual(CONTENT.left);
      expect(box.right, op.text).toBeLessThanOrEqual(CONTENT.right + 0.5);
      expect(box.top, op.text).toBeGreaterThanOrEqual(CONTENT.top);
      expect(box.bottom, op.text).toBeLessThanOrEqual(CONTENT.bottom);
      if (qr) expect(box.left >= qr.x + qr.width || box.bottom <= qr.y, op.text).toBe(true);
    }

    for (const [i, a] of texts.entries()) {
      for (const b of texts.slice(i + 1)) {
        const p = glyphBox(a);
        const q = glyphBox(b);
        const apart =
          p.right <= q.left + 0.01 ||
          q.right <= p.left + 0.01 ||
          p.bottom <= q.top ||
          q.bottom <= p.top;
        expect(apart, `${a.text} / ${b.text}`).toBe(true);
      }
    }
  });

  it('wraps a long name between its words, never after the hyphen of a double name', async () => {
    const guardian = {
      ...stressRecord.guardian,
      lastName: 'Үсенбаев-Шаһмарданов-Жиһангеров',
      firstName: 'Өмірзақ-Ғалымжан',
    };
    const text = lines(await layOut(sampleView({ ...stressRecord, guardian }), fonts));

    const first = text.findIndex((line) => line.startsWith('Үсенбаев-'));
    expect(text[first]).toBe('Үсенбаев-Шаһмарданов-Жиһангеров ');
    expect(text[first + 1]).toBe('Өмірзақ-Ғалымжан Ғалымжанұлы');
  });

  it('prints the QR symbol at least 38 mm across, whatever its version', () => {
    for (const url of ['HTTPS://V.KZ/V/A', sampleView().verifyUrl]) {
      const qr = encodeVerifyQr(url);
      const symbol = (QR_SIZE * (qr.size - 2 * QUIET_ZONE)) / qr.size;

      expect(symbol * MM_PER_PX).toBeGreaterThanOrEqual(38);
    }
  });
});
