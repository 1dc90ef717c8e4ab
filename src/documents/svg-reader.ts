import { DocumentError } from './errors.js';

/** A filled rectangle in layout pixels. */
export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

/** A run of text; `y` is its baseline, as satori writes it when fonts are not embedded. */
export interface TextOp {
  kind: 'text';
  x: number;
  y: number;
  /** Advance width as satori measured it. */
  width: number;
  text: string;
  fontSize: number;
  bold: boolean;
  fill: string;
}

/** An image placed in a box. */
export interface ImageOp {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  href: string;
}

/** One painting step, in document order (later steps paint over earlier ones). */
export type PaintOp = RectOp | TextOp | ImageOp;

/** Containers whose content is never painted directly: clip paths and masks. */
const NOT_PAINTED = new Set(['defs', 'mask', 'clipPath']);

/**
 * Attributes that would change how a shape looks and that the PDF painter does not reproduce.
 * Meeting one means the layout started using a feature it should not, and the PDF would silently
 * differ from the PNG; so reading stops.
 */
const UNSUPPORTED = ['transform', 'opacity', 'fill-opacity', 'stroke', 'filter'];

const TOKEN = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/**
 * Reads the SVG that satori writes with `embedFont: false` into painting steps. It understands only
 * what the certificate layout produces (flat rectangles, text runs, images) and fails loudly on
 * anything else, which keeps the PDF and the PNG drawings of one layout identical.
 */
export function readSatoriSvg(svg: string): PaintOp[] {
  const ops: PaintOp[] = [];
  let hiddenDepth = 0;
  let openText: Record<string, string> | undefined;
  let textContent = '';

  for (const match of svg.matchAll(TOKEN)) {
    const [, closing, name = '', rawAttributes = '', selfClosing, content] = match;

    if (content !== undefined) {
      if (openText) textContent += content;
      continue;
    }

    if (NOT_PAINTED.has(name)) {
      if (closing) hiddenDepth--;
      else if (!selfClosing) hiddenDepth++;
      continue;
    }
    if (hiddenDepth > 0) continue;

    if (closing) {
      if (name === 'text' && openText) {
        ops.push(textOp(openText, decodeEntities(textContent)));
        openText = undefined;
      }
      continue;
    }

    const attributes = readAttributes(rawAttributes);
    switch (name) {
      case 'svg':
        break;
      case 'rect':
        ops.push(rectOp(attributes));
        break;
      case 'image':
        ops.push(imageOp(attributes));
        break;
      case 'text':
        rejectUnsupported(name, attributes);
        openText = attributes;
        textContent = '';
        if (selfClosing) {
          ops.push(textOp(attributes, ''));
          openText = undefined;
        }
        break;
      default:
        throw unsupported(`element <${name}>`);
    }
  }

  return ops;
}

function rectOp(attributes: Record<string, string>): RectOp {
  rejectUnsupported('rect', attributes);
  if (attributes['clip-path'] || attributes.mask) throw unsupported('a clipped <rect>');

  return {
    kind: 'rect',
    ...box(attributes),
    fill: attributes.fill ?? 'black',
  };
}

function textOp(attributes: Record<string, string>, text: string): TextOp {
  const weight = attributes['font-weight'] ?? 'normal';
  if (attributes['clip-path'] || attributes.mask) throw unsupported('a clipped <text>');
  if (attributes['font-style'] && attributes['font-style'] !== 'normal') {
    throw unsupported(`font-style ${attributes['font-style']}`);
  }

  return {
    kind: 'text',
    x: number(attributes, 'x'),
    y: number(attributes, 'y'),
    width: number(attributes, 'width'),
    text,
    fontSize: number(attributes, 'font-size'),
    bold: weight === 'bold' || Number(weight) >= 600,
    fill: attributes.fill ?? 'black',
  };
}

/** satori clips and masks an image to its own box, which drawing it in that box already does. */
function imageOp(attributes: Record<string, string>): ImageOp {
  rejectUnsupported('image', attributes);
  if (attributes.preserveAspectRatio && attributes.preserveAspectRatio !== 'none') {
    throw unsupported(`preserveAspectRatio ${attributes.preserveAspectRatio}`);
  }

  return { kind: 'image', ...box(attributes), href: attributes.href ?? '' };
}

function box(attributes: Record<string, string>) {
  return {
    x: number(attributes, 'x'),
    y: number(attributes, 'y'),
    width: number(attributes, 'width'),
    height: number(attributes, 'height'),
  };
}

function readAttributes(raw: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key = '', value = ''] of raw.matchAll(ATTRIBUTE)) {
    attributes[key] = decodeEntities(value);
  }
  return attributes;
}

function rejectUnsupported(element: string, attributes: Record<string, string>): void {
  const found = UNSUPPORTED.find((key) => key in attributes);
  if (found) throw unsupported(`attribute ${found} on <${element}>`);
}

function number(attributes: Record<string, string>, key: string): number {
  const value = Number(attributes[key] ?? 0);
  if (!Number.isFinite(value)) throw unsupported(`${key}=${JSON.stringify(attributes[key])}`);
  return value;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

function unsupported(what: string): DocumentError {
  return new DocumentError(
    'svg_unsupported',
    `the PDF painter supports flat rectangles, text and images from satori, got ${what}`,
  );
}
