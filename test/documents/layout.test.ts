import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { loadNodeFonts } from '../../src/documents/fonts-node.js';
import { QR_SIZE } from '../../src/documents/layout.js';
import { encodeVerifyQr, QUIET_ZONE } from '../../src/documents/qr.js';
import { sampleRecord, sampleView, stressRecord } from './fixture.js';
import { CONTENT, glyphBox, layOut, lines, textRuns } from './layout-ops.js';
import { THUMBPRINT_KID } from './worst-case.js';

const MM_PER_PX = 25.4 / 96;

const ELECTRONIC_KK =
  'Электрондық құжат, берген органның электрондық цифрлық қолтаңбасымен қол қойылған';
const ELECTRONIC_RU =
  'Электронный документ, подписанный электронной цифровой подписью выдавшего органа';

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

  it('names a guardian, a child and the decision of a guardianship, and nothing else', async () => {
    const text = lines(await layOut(sampleView(), fonts));

    for (const label of ['Қорғаншы', 'Опекун', 'Бала', 'Ребёнок']) expect(text).toContain(label);
    expect(text).toContain('Қорғаншыны тағайындау туралы');
    expect(text).toContain('Решение о назначении опекуна');
    expect(text.join('\n')).not.toMatch(/қамқорш|попечит|Кәмелетке|Несовершеннолетний/i);
  });

  it('names a trustee and a minor, not a child, in a trusteeship', async () => {
    const text = lines(await layOut(sampleView(stressRecord), fonts));

    for (const label of ['Қамқоршы', 'Попечитель', 'Кәмелетке толмаған', 'Несовершеннолетний']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Қамқоршыны тағайындау туралы');
    expect(text).toContain('Решение о назначении попечителя');
    expect(text.join('\n')).not.toMatch(/қорғанш|опекун|Бала|Ребёнок/i);
  });

  it('says in both languages that it is an electronic document under the issuer’s signature', async () => {
    for (const record of [sampleRecord, stressRecord]) {
      const text = lines(await layOut(sampleView(record), fonts)).join(' ');

      expect(text).toContain(ELECTRONIC_KK);
      expect(text).toContain(ELECTRONIC_RU);
    }
  });

  it('prints the key id whole on a line of its own, in smaller type than the prose', async () => {
    const ops = await layOut(sampleView({ ...sampleRecord, kid: THUMBPRINT_KID }), fonts);
    const text = lines(ops);

    const line = text.indexOf(THUMBPRINT_KID);
    expect(text[line - 1]).toBe('Кілт идентификаторы / Идентификатор ключа:');
    const start = textRuns(ops).find((op) => THUMBPRINT_KID.startsWith(op.text) && op.text);
    expect(start?.fontSize).toBeLessThanOrEqual(10.5);
  });

  it('keeps long names inside the frame and clear of each other and of the QR', async () => {
    const ops = await layOut(sampleView(stressRecord), fonts);
    const texts = textRuns(ops).filter((op) => op.text.trim());
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
    expect(text[first]).toBe('Үсенбаев-Шаһмарданов-Жиһангеров');
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
