/**
 * The element tree satori lays out, written as plain `{ type, props }` objects. Building it by
 * hand keeps the documents module free of any JSX runtime, so the web layer's `hono/jsx` and
 * satori's React-shaped input never meet.
 */
export interface Element {
  type: 'div' | 'img';
  props: {
    style: Style;
    children?: Child[];
    src?: string;
    width?: number;
    height?: number;
  };
}

/** A node of the tree: an element or a run of text. */
export type Child = Element | string;

/** The CSS subset satori understands, in React's camelCase form. */
export type Style = Record<string, string | number>;

/** A flex box; satori requires `display: flex` on any div with more than one child. */
export function box(style: Style, ...children: Child[]): Element {
  return { type: 'div', props: { style: { display: 'flex', ...style }, children } };
}

/** A single run of text with its own style. */
export function text(style: Style, content: string): Element {
  return { type: 'div', props: { style, children: [content] } };
}

/** An image of a fixed size in layout pixels. */
export function image(src: string, size: number, style: Style = {}): Element {
  return { type: 'img', props: { src, width: size, height: size, style } };
}
