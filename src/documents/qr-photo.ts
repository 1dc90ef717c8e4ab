/**
 * Reads the QR code from a photo or screenshot of a certificate: PNG through fast-png, JPEG
 * through jpeg-js, the code through jsQR. All three are plain JavaScript, so this runs on Workers
 * as on Node. A photo is scaled down before the search, which keeps the cost of a 12-megapixel
 * phone picture to a fraction of a second while a printed 53 mm code keeps several pixels per
 * module.
 */

import { decode as decodePng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import jsQR from 'jsqr';

export type PhotoMediaType = 'image/png' | 'image/jpeg';

export type PhotoQrResult =
  | { ok: true; text: string }
  // `image_unreadable`: not a PNG or JPEG that decodes; `image_too_large`: over the pixel limit;
  // `qr_not_found`: no QR code could be read in it.
  | { ok: false; code: 'image_unreadable' | 'image_too_large' | 'qr_not_found' };

/**
 * Photos above this are refused from their header, before decoding: 24 MP covers a phone's
 * default picture (12-20 MP), while a decode costs time and RGBA memory in proportion to pixels.
 */
export const MAX_PHOTO_PIXELS = 24_000_000;

/** The longest side the QR search runs at. */
const SEARCH_SIDE = 1600;

interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The text of the QR code in the photo. Never throws on bad input. */
export function readQrFromPhoto(bytes: Uint8Array, type: PhotoMediaType): PhotoQrResult {
  const size = type === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
  if (size && size.width * size.height > MAX_PHOTO_PIXELS) {
    return { ok: false, code: 'image_too_large' };
  }

  let image: Rgba;
  try {
    image = type === 'image/png' ? pngPixels(bytes) : jpegPixels(bytes);
  } catch (error) {
    const tooLarge = error instanceof Error && /maxResolutionInMP|memory/i.test(error.message);
    return { ok: false, code: tooLarge ? 'image_too_large' : 'image_unreadable' };
  }

  const small = downscale(image, SEARCH_SIDE);
  const found = jsQR(small.data, small.width, small.height, { inversionAttempts: 'attemptBoth' });
  return found ? { ok: true, text: found.data } : { ok: false, code: 'qr_not_found' };
}

/** Width and height from the IHDR chunk (PNG §11.2.2), read before anything is inflated. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Width and height from the first start-of-frame marker (ITU T.81 §B.2.2), found by walking the
 * marker segments; undefined when the stream ends first (the decoder then refuses it).
 */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      const height = ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0);
      const width = ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0);
      return { width, height };
    }
    at += 2 + length;
  }
  return undefined;
}

function jpegPixels(bytes: Uint8Array): Rgba {
  const image = decodeJpeg(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxResolutionInMP: MAX_PHOTO_PIXELS / 1_000_000,
    maxMemoryUsageInMB: 512,
  });
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
}

/** Any PNG colour type and bit depth, palette included, as 8-bit RGBA on white. */
function pngPixels(bytes: Uint8Array): Rgba {
  const png = decodePng(bytes);
  const { width, height, depth, channels, palette } = png;
  if (depth === 8 && !palette) return rgbaOf8Bit(png.data, width, height, channels);

  const max = 2 ** depth - 1;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const sample = (x: number, y: number, channel: number): number => {
    if (depth >= 8) return (png.data[(y * width + x) * channels + channel] ?? 0) / max;
    const bit = (x * channels + channel) * depth;
    const byte = png.data[y * rowBytes + Math.floor(bit / 8)] ?? 0;
    return ((byte >> (8 - depth - (bit % 8))) & max) / max;
  };

  const data = new Uint8ClampedArray(width * height * 4);
  const colour = channels >= 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      if (palette) {
        const entry = palette[Math.round(sample(x, y, 0) * max)] ?? [255, 255, 255];
        for (let c = 0; c < 3; c++) data[at + c] = entry[c] ?? 255;
      } else {
        for (let c = 0; c < 3; c++) data[at + c] = Math.round(sample(x, y, colour ? c : 0) * 255);
      }
      data[at + 3] = 255;
    }
  }
  return { width, height, data };
}

/** The common case, 8 bits a sample: grey, grey and alpha, RGB or RGBA, copied in one pass. */
function rgbaOf8Bit(source: ArrayLike<number>, width: number, height: number, channels: number) {
  const data = new Uint8ClampedArray(width * height * 4);
  const colour = channels >= 3;
  for (let i = 0, o = 0; o < data.length; i += channels, o += 4) {
    const r = source[i] ?? 0;
    data[o] = r;
    data[o + 1] = colour ? (source[i + 1] ?? 0) : r;
    data[o + 2] = colour ? (source[i + 2] ?? 0) : r;
    data[o + 3] = 255;
  }
  return { width, height, data };
}

/** Averages whole blocks of pixels so the longest side is at most `side`. */
function downscale(image: Rgba, side: number): Rgba {
  const factor = Math.ceil(Math.max(image.width, image.height) / side);
  if (factor <= 1) return image;

  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * image.width;
          for (let dx = 0; dx < factor; dx++)
            sum += image.data[(row + x * factor + dx) * 4 + c] ?? 0;
        }
        data[(y * width + x) * 4 + c] = sum / area;
      }
      data[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, data };
}
