import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/documents/errors.js';
import { readSatoriSvg } from '../../src/documents/svg-reader.js';

const svg = (body: string) =>
  `<svg width="10" height="10" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('readSatoriSvg', () => {
  it('reads rectangles, text runs and images in painting order', () => {
    const ops = readSatoriSvg(
      svg(
        '<rect x="1" y="2" width="3" height="4" fill="#1f3a60"/>' +
          '<text x="5" y="6.5" width="20" height="9" font-weight="700" font-style="normal" ' +
          'font-size="13" font-family="pt sans" fill="black">Қазақ &amp; &lt;Рус&gt;</text>' +
          '<image x="7" y="8" width="9" height="9" href="data:image/svg+xml;base64,AA==" ' +
          'preserveAspectRatio="none" clip-path="url(#c)" mask="url(#m)"/>',
      ),
    );

    expect(ops).toEqual([
      { kind: 'rect', x: 1, y: 2, width: 3, height: 4, fill: '#1f3a60' },
      {
        kind: 'text',
        x: 5,
        y: 6.5,
        width: 20,
        text: 'Қазақ & <Рус>',
        fontSize: 13,
        bold: true,
        fill: 'black',
      },
      { kind: 'image', x: 7, y: 8, width: 9, height: 9, href: 'data:image/svg+xml;base64,AA==' },
    ]);
  });

  it('skips what masks, clip paths and defs hold', () => {
    const ops = readSatoriSvg(
      svg(
        '<defs><clipPath id="c"><rect x="0" y="0" width="5" height="5"/></clipPath></defs>' +
          '<mask id="m"><rect x="0" y="0" width="9" height="9" fill="#fff"/></mask>' +
          '<rect x="0" y="0" width="1" height="1" fill="#fff"/>',
      ),
    );

    expect(ops).toEqual([{ kind: 'rect', x: 0, y: 0, width: 1, height: 1, fill: '#fff' }]);
  });

  it('stops at a shape the PDF painter cannot draw', () => {
    expect(codeOf(() => readSatoriSvg(svg('<path d="M0 0h1v1z"/>')))).toBe(
      'svg_unsupported: the PDF painter supports flat rectangles, text and images from satori, ' +
        'got element <path>',
    );
  });

  it('stops at an attribute that would change the look', () => {
    const rotated = '<rect x="0" y="0" width="1" height="1" fill="#000" transform="rotate(9)"/>';
    expect(codeOf(() => readSatoriSvg(svg(rotated)))).toContain(
      'got attribute transform on <rect>',
    );
  });

  it('stops at italic text, which has no face embedded', () => {
    const italic = '<text x="0" y="0" font-size="9" font-style="italic">a</text>';
    expect(codeOf(() => readSatoriSvg(svg(italic)))).toContain('got font-style italic');
  });
});
