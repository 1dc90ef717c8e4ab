import { Resvg } from '@resvg/resvg-js';
import type { Rasterizer } from './png.js';

/**
 * Rasterises with the native resvg binding. System fonts are not loaded: satori has already
 * turned every glyph into an outline, and scanning the host's fonts would only cost time.
 */
export const rasterizeWithResvgJs: Rasterizer = async (svg, scale) => {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false },
  });
  return new Uint8Array(resvg.render().asPng());
};
