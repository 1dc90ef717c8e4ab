import regular from '@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf';
import bold from '@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgWasm from '@resvg/resvg-wasm/index_bg.wasm';
import hbSubsetWasm from 'harfbuzzjs/hb-subset.wasm';
import {
  type CertificateFonts,
  certificateFonts,
  hbSubsetter,
  pdfRenderer,
  pngRenderer,
  type Rasterizer,
  receiptPdfRenderer,
} from '../documents/index.js';
import type { DocumentRenderer } from '../services/documents.js';

/**
 * Documents on Workers: the same layout, QR and PDF code as on Node, with the WebAssembly builds
 * of resvg and HarfBuzz compiled at deploy time and PT Sans bundled. Set up once per isolate, on
 * the first document asked for; verification never pays for it.
 */
let setup: Promise<DocumentRenderer> | undefined;

export const documentsOnWorkers: DocumentRenderer = {
  png: async (view) => (await renderer()).png(view),
  pdf: async (view) => (await renderer()).pdf(view),
  receiptPdf: async (view) => (await renderer()).receiptPdf(view),
};

function renderer(): Promise<DocumentRenderer> {
  setup ??= create().catch((error: unknown) => {
    setup = undefined;
    throw error;
  });
  return setup;
}

async function create(): Promise<DocumentRenderer> {
  const fonts: CertificateFonts = certificateFonts(new Uint8Array(regular), new Uint8Array(bold));
  await initWasm(resvgWasm);
  const subsetFont = hbSubsetter(await WebAssembly.instantiate(hbSubsetWasm));
  const png = pngRenderer(rasterizeWithResvgWasm);
  const pdf = pdfRenderer({ subsetFont });
  const receiptPdf = receiptPdfRenderer({ subsetFont });
  return {
    png: (view) => png(view, fonts),
    pdf: (view) => pdf(view, fonts),
    receiptPdf: (view) => receiptPdf(view, fonts),
  };
}

/** As on Node: satori has outlined every glyph, so resvg needs no fonts. */
const rasterizeWithResvgWasm: Rasterizer = async (svg, scale) => {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false },
  });
  try {
    return resvg.render().asPng();
  } finally {
    resvg.free();
  }
};
