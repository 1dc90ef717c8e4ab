/** The date formatters live with the catalogs; the pages' modules import them from here. */
export { dateTime, day, shortDay } from '../web/i18n/dates.js';

/** `29:05` for what is left until a deadline; `0:00` once it has passed. */
export function countdown(until: string, now: number): string {
  const seconds = Math.max(0, Math.floor((Date.parse(until) - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A small element with text: the browser modules never set innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
