import { describe, expect, it } from 'vitest';
import { type FitRule, fitText, type Measure } from '../../src/documents/fit.js';

/** Every character one unit wide at size 10: a line of width 20 holds 20 characters at size 10. */
const measure: Measure = (text, size) => ([...text].length * size) / 10;

const NAME: FitRule = {
  size: 10,
  minSize: 8,
  floorSize: 4,
  lineHeight: 1,
  width: 20,
  maxHeight: 30,
  breaks: 'name',
};

const CODE: FitRule = { ...NAME, maxHeight: 20, breaks: 'code' };

/** Joins lines the way poppler's pdftotext does: a line ending in a hyphen runs on without it. */
function unbreak(lines: string[]): string {
  return lines.join('\n').replace(/-\n/g, '').replace(/\n/g, ' ');
}

describe('fitText', () => {
  it('keeps a value that fits at its size, wrapped between words', () => {
    expect(fitText('Нұрланұлы Әлихан', NAME, measure)).toEqual({
      size: 10,
      lines: ['Нұрланұлы Әлихан'],
    });
    expect(fitText('Әбілқасымова Гүлнұр Серікқызы', NAME, measure).lines).toEqual([
      'Әбілқасымова Гүлнұр',
      'Серікқызы',
    ]);
  });

  it('shrinks a word a little too long for the line rather than break it', () => {
    const surname = 'Әбдірахманова-Сүлейменова'; // 25 characters: fits 20 units at size 8

    expect(fitText(surname, NAME, measure)).toEqual({ size: 8, lines: [surname] });
  });

  it('breaks a double name after its hyphen and repeats the hyphen on the next line', () => {
    const surname = 'Әбдірахманова-Сүлейменова-Нұрмұхамбетова';

    const { size, lines } = fitText(surname, NAME, measure);

    expect(size).toBe(10);
    expect(lines).toEqual(['Әбдірахманова-', '-Сүлейменова-', '-Нұрмұхамбетова']);
    expect(unbreak(lines)).toBe(surname);
  });

  it('breaks a word without hyphens between letters, marking the break with a hyphen', () => {
    const word = 'Ә'.repeat(30);

    const { size, lines } = fitText(word, NAME, measure);

    expect(size).toBe(10);
    expect(lines).toEqual([`${'Ә'.repeat(19)}-`, 'Ә'.repeat(11)]);
    expect(unbreak(lines)).toBe(word);
  });

  it('leaves at least two letters on each side of a break inside a word', () => {
    const rule = { ...NAME, minSize: 10, maxHeight: 20 };
    const { lines } = fitText(`${'Ә'.repeat(20)}б`, rule, measure);

    expect(lines).toEqual([`${'Ә'.repeat(19)}-`, 'Әб']);
  });

  it('shrinks broken text until it fits the box, but not below the floor', () => {
    const word = 'Ә'.repeat(100);

    const fitted = fitText(word, NAME, measure);
    expect(fitted.size * fitted.lines.length).toBeLessThanOrEqual(NAME.maxHeight);
    expect(fitted.size).toBe(7.5);
    expect(unbreak(fitted.lines)).toBe(word);

    expect(fitText('Ә'.repeat(1000), NAME, measure).size).toBe(NAME.floorSize);
  });

  it('breaks a code anywhere, adds nothing, and never ends a line with its own hyphen', () => {
    const number = `${'W'.repeat(19)}-${'W'.repeat(19)}`;

    const { lines } = fitText(number, CODE, measure);

    expect(lines).toEqual(['W'.repeat(19), `-${'W'.repeat(19)}`]);
    expect(lines.join('')).toBe(number);
  });

  it('starts a long word on the current line when a piece of it fits there', () => {
    const { lines } = fitText(`№ ${'W'.repeat(30)}`, CODE, measure);

    expect(lines).toEqual([`№ ${'W'.repeat(18)}`, 'W'.repeat(12)]);
  });

  it('sets every line within the width and loses no character, whatever the input', () => {
    let state = 7;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const alphabet = 'ӘәҒғ-- Ww';

    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + random(120) }, () => alphabet[random(9)]).join('');
      const words = text.split(' ').filter(Boolean).join(' ');
      for (const rule of [NAME, CODE]) {
        const { size, lines } = fitText(text, rule, measure);

        for (const line of lines) expect(measure(line, size)).toBeLessThanOrEqual(rule.width);
        const letters = (value: string) => value.replace(/[\s-]/g, '');
        expect(letters(lines.join(''))).toBe(letters(words));
      }
    }
  });
});
