import { DocumentError } from './errors.js';

/**
 * Cuts a font down to the glyphs of the given code points. Embedding two whole faces would make
 * every PDF about 340 KB; a subset keeps it near 40 KB.
 */
export type FontSubsetter = (font: Uint8Array, codePoints: Iterable<number>) => Uint8Array;

/** The part of HarfBuzz's subsetter (`hb-subset.wasm` from harfbuzzjs) that we call. */
interface HbSubsetExports {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codePoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;

/**
 * Tables a PDF viewer never reads: it draws the glyph ids it is given, so shaping rules and
 * hinting programs only add weight (about half of each subset).
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'kern', 'DSIG'];

function tag(name: string): number {
  return [...name].reduce((value, char) => (value << 8) | char.charCodeAt(0), 0) >>> 0;
}

/**
 * A subsetter over an instantiated `hb-subset.wasm`, which needs no imports and so runs the same
 * on Node and on Workers. HarfBuzz is used rather than pdf-lib's own subsetting because the latter
 * drops most glyph outlines of PT Sans (the text extracts but prints blank).
 */
export function hbSubsetter(instance: WebAssembly.Instance): FontSubsetter {
  const hb = instance.exports as unknown as HbSubsetExports;

  return (font, codePoints) => {
    const fontPointer = hb.malloc(font.byteLength);
    new Uint8Array(hb.memory.buffer).set(font, fontPointer);
    const blob = hb.hb_blob_create(fontPointer, font.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
    const face = hb.hb_face_create(blob, 0);
    hb.hb_blob_destroy(blob);

    const input = hb.hb_subset_input_create_or_fail();
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const name of DROPPED_TABLES) hb.hb_set_add(dropped, tag(name));
    const flags = hb.hb_subset_input_get_flags(input);
    hb.hb_subset_input_set_flags(input, flags | HB_SUBSET_FLAGS_NO_HINTING);
    const subset = hb.hb_subset_or_fail(face, input);
    hb.hb_subset_input_destroy(input);

    try {
      if (!subset) throw new DocumentError('font_invalid', 'HarfBuzz could not subset the font');
      const result = hb.hb_face_reference_blob(subset);
      const length = hb.hb_blob_get_length(result);
      const data = hb.hb_blob_get_data(result, 0);
      // Copied out before anything else runs: the wasm memory may grow and move.
      const bytes = new Uint8Array(hb.memory.buffer, data, length).slice();
      hb.hb_blob_destroy(result);
      if (length === 0) throw new DocumentError('font_invalid', 'HarfBuzz gave an empty subset');
      return bytes;
    } finally {
      if (subset) hb.hb_face_destroy(subset);
      hb.hb_face_destroy(face);
      hb.free(fontPointer);
    }
  };
}
