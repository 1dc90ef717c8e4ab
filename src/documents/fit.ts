/** Width of a text at a font size in layout pixels; widths of adjoining texts add up. */
export type Measure = (text: string, size: number) => number;

/**
 * Where a word longer than its line may be broken.
 *
 * `name`: after a hyphen of a double name, which is then repeated at the start of the next line,
 * as Russian and Kazakh typesetting does; elsewhere between two letters, marked by a hyphen at
 * the end of the line only. A reader can tell the two apart, and PDF text extractors that join a
 * line ending in a hyphen to the next (poppler does) give back the name exactly.
 *
 * `code`: anywhere, adding nothing, because any added mark would read as part of a number. A
 * hyphen of the value is kept at the start of a line, never at the end, so that an extractor
 * does not take it for a line-end hyphen and drop it.
 */
export type BreakStyle = 'name' | 'code';

/** How one value is fitted into its box. */
export interface FitRule {
  /** Font size of a value that fits as it is. */
  size: number;
  /** Shrinking stops here in favour of breaking words: a broken word beats tiny type. */
  minSize: number;
  /** Broken text shrinks on to this only if it is still taller than the box. */
  floorSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Width of the box in layout pixels. */
  width: number;
  /** Height of the box in layout pixels. */
  maxHeight: number;
  breaks: BreakStyle;
}

/** The size a value is set at and its lines, each narrower than the box. */
export interface FittedText {
  size: number;
  lines: string[];
}

/** Sizes are tried in half-pixel steps: finer steps change nothing a reader sees. */
const STEP = 0.5;

/**
 * Fits a value into its box. A value that fits at the rule's size is set there, wrapped between
 * its words. A longer one first shrinks, down to `minSize`, as long as no word has to be broken;
 * past that its long words are broken at the largest size whose lines fit the box, which may be
 * as low as `floorSize`. The layout gives each value a box that holds the longest value the API
 * accepts at or above `floorSize`; only a longer one could be taller than its box.
 */
export function fitText(text: string, rule: FitRule, measure: Measure): FittedText {
  const words = text.split(' ').filter((word) => word !== '');
  const fits = (lines: string[], size: number) =>
    lines.length * size * rule.lineHeight <= rule.maxHeight + 1e-6;

  for (const size of sizes(rule.size, rule.minSize)) {
    const lines = wrap(words, size, rule, measure, false);
    if (lines && fits(lines, size)) return { size, lines };
  }
  let lines: string[] = [];
  for (const size of sizes(rule.size, rule.floorSize)) {
    lines = wrap(words, size, rule, measure, true) ?? [];
    if (fits(lines, size)) return { size, lines };
  }
  // Only a value longer than the API accepts gets here: set at the floor, taller than its box.
  return { size: rule.floorSize, lines };
}

/** From `from` down to `to` in steps, `to` included. */
function sizes(from: number, to: number): number[] {
  const list: number[] = [];
  for (let i = 0; from - i * STEP > to; i++) list.push(from - i * STEP);
  list.push(to);
  return list;
}

/**
 * Greedy line filling. A word that fits no line even alone is broken, starting on the current
 * line when a piece of it fits there; without `breakWords` such a word makes the wrap fail.
 */
function wrap(
  words: string[],
  size: number,
  rule: FitRule,
  measure: Measure,
  breakWords: boolean,
): string[] | undefined {
  const lines: string[] = [];
  let line = '';

  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined, size) <= rule.width) {
      line = joined;
      continue;
    }
    if (measure(word, size) <= rule.width) {
      lines.push(line);
      line = word;
      continue;
    }
    if (!breakWords) return undefined;

    let rest = word;
    let prefix = line ? `${line} ` : '';
    while (measure(prefix + rest, size) > rule.width) {
      const room = rule.width - measure(prefix, size);
      const piece = cut(rest, room, rule.breaks, (text) => measure(text, size), prefix === '');
      if (!piece) {
        lines.push(line);
        prefix = '';
        continue;
      }
      lines.push(prefix + piece.head);
      prefix = '';
      rest = piece.tail;
    }
    line = prefix + rest;
  }

  if (line) lines.push(line);
  return lines;
}

interface Piece {
  head: string;
  tail: string;
}

/**
 * The longest head of a word that fits in `room`, with what follows it. Undefined when nothing
 * fits and the line already holds something; on an empty line at least one character is taken,
 * so that wrapping always ends. Widths add up, so the head widths are running sums.
 */
function cut(
  word: string,
  room: number,
  style: BreakStyle,
  width: (text: string) => number,
  lineEmpty: boolean,
): Piece | undefined {
  const chars = [...word];
  const headWidth = [0];
  for (const char of chars) headWidth.push((headWidth.at(-1) ?? 0) + width(char));
  const hyphen = width('-');
  const at = (k: number) => chars.slice(0, k).join('');
  const after = (k: number) => chars.slice(k).join('');
  const letter = (k: number) => /\p{L}/u.test(chars[k] ?? '');
  const fits = (k: number, added = 0) => (headWidth[k] ?? 0) + added <= room;

  if (style === 'code') {
    for (let k = chars.length - 1; k >= 1; k--) {
      // A hyphen of the value never ends a line.
      if (chars[k - 1] !== '-' && fits(k)) return { head: at(k), tail: after(k) };
    }
  } else {
    let hyphenBreak: number | undefined;
    let letterBreak: number | undefined;
    for (let k = chars.length - 1; k >= 1 && (!hyphenBreak || !letterBreak); k--) {
      if (!hyphenBreak && chars[k - 1] === '-' && fits(k)) hyphenBreak = k;
      const inWord = k >= 2 && k <= chars.length - 2 && letter(k - 1) && letter(k);
      if (!letterBreak && inWord && fits(k, hyphen)) letterBreak = k;
    }

    // A double name breaks at its own hyphen unless that would leave most of the line empty.
    if (hyphenBreak && (!letterBreak || hyphenBreak * 2 >= letterBreak)) {
      return { head: at(hyphenBreak), tail: `-${after(hyphenBreak)}` };
    }
    if (letterBreak) return { head: `${at(letterBreak)}-`, tail: after(letterBreak) };
  }

  return lineEmpty ? { head: at(1), tail: after(1) } : undefined;
}
