import fontkit from '@pdf-lib/fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateFonts } from '../../src/documents/fonts.js';
import { loadNodeFonts } from '../../src/documents/fonts-node.js';
import { type Typesetter, typesetterFor } from '../../src/documents/typesetter.js';
import { sampleRecord, sampleView } from './fixture.js';
import { layOut, lines, textRuns } from './layout-ops.js';

describe('typesetter', () => {
  let fonts: CertificateFonts;
  let typesetter: Typesetter;
  beforeAll(async () => {
    fonts = await loadNodeFonts();
    typesetter = typesetterFor(fonts);
  });

  it('measures each run exactly as satori lays it out', async () => {
    const runs = textRuns(await layOut(sampleView(), fonts)).filter((op) => op.text.trim());

    expect(runs.length).toBeGreaterThan(50);
    for (const op of runs) {
      expect(typesetter.width(op.text, op.fontSize, op.bold), op.text).toBeCloseTo(op.width, 1);
    }
  });

  it('keeps Kazakh and Russian text as it is', () => {
    const text = 'Әбілқасымова Гүлнұр Серікқызы, № 512-қ «Ёлка» — ЖСН';

    expect(typesetter.printable(text)).toBe(text);
  });

  it('drops what no face can draw, such as an emoji, rather than print a box', () => {
    expect(typesetter.printable('512-қ 🙂')).toBe('512-қ ');
    expect(typesetter.printable('👨‍👩‍👧 1187/ҚМ')).toBe(' 1187/ҚМ');
    expect(typesetter.printable('Ԫаша')).toBe('аша');
  });

  it('falls back to a compatibility form or to the bare letter of a missing accented one', () => {
    expect(typesetter.printable('ＷＷ-１')).toBe('WW-1');
    expect(typesetter.printable('ǅemal')).toBe('Džemal');
    expect(typesetter.printable('Ǹǹ')).toBe('Nn');
  });

  it('leaves no box on the page for a decision number with an emoji', async () => {
    const record = { ...sampleRecord, decision: { ...sampleRecord.decision, number: '512-қ 🙂' } };
    const ops = await layOut(sampleView(record), fonts);
    const regular = fontkit.create(fonts.regular);

    expect(lines(ops)).toContain('№ 512-қ, 14.03.2024');
    for (const op of textRuns(ops)) {
      for (const char of op.text) {
        expect(regular.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), char).toBe(true);
      }
    }
  });
});
