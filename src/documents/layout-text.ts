import { box, type Element, type Style, text } from './elements.js';
import { type FitRule, fitText } from './fit.js';
import type { Typesetter } from './typesetter.js';

/** A fit rule with the face its value is set in. */
export type TextRule = FitRule & { bold: boolean };

/**
 * A value from the record, fitted into its box and set one element per line. The lines are
 * broken here rather than by satori, so every break is one {@link fitText} chose; `pre` keeps
 * satori from breaking them again. Characters the fonts lack are left out first.
 */
export function fitted(
  typesetter: Typesetter,
  content: string,
  rule: TextRule,
  lineStyle: Style = {},
  boxStyle: Style = {},
): Element {
  const measure = (value: string, size: number) => typesetter.width(value, size, rule.bold);
  const { size, lines } = fitText(typesetter.printable(content), rule, measure);
  const style = {
    ...lineStyle,
    fontSize: size,
    fontWeight: rule.bold ? 700 : 400,
    lineHeight: rule.lineHeight,
    whiteSpace: 'pre',
  };
  const centred = lineStyle.textAlign === 'center';

  return box(
    { flexDirection: 'column', alignItems: centred ? 'center' : 'flex-start', ...boxStyle },
    ...lines.map((line) => text(style, line)),
  );
}

/** A horizontal rule across the content. */
export function rule(color: string, thickness: number, margin: string | number = 0): Element {
  return box({ alignSelf: 'stretch', height: thickness, backgroundColor: color, margin });
}
