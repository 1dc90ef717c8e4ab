import jsQR from 'jsqr';

/** Photos are shrunk to this many pixels on the long side: enough for a QR, quick to scan. */
const MAX_SIDE = 1600;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource | ImageBitmap): Promise<{ rawValue: string }[]>;
}

/** The platform's QR detector where the browser has one (Android, macOS, ChromeOS). */
export function nativeDetector(): BarcodeDetectorLike | undefined {
  const Detector = (globalThis as { BarcodeDetector?: new (o: unknown) => BarcodeDetectorLike })
    .BarcodeDetector;
  if (!Detector) return undefined;
  try {
    return new Detector({ formats: ['qr_code'] });
  } catch {
    return undefined;
  }
}

/** The text of the QR code in a canvas, by the native detector or by jsQR. */
export async function decodeCanvas(canvas: HTMLCanvasElement): Promise<string | undefined> {
  const native = nativeDetector();
  if (native) {
    try {
      const [found] = await native.detect(canvas);
      if (found?.rawValue) return found.rawValue;
    } catch {
      // fall through to jsQR
    }
  }
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data;
}

/** Draws an image (a photo, a scan, a rendered PDF page) onto a canvas of a scannable size. */
export function drawScaled(
  source: CanvasImageSource,
  width: number,
  height: number,
): HTMLCanvasElement {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return canvas;
  // White under the image: a transparent PNG reads as black to a decoder otherwise.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The QR text in an image file, or undefined when none can be read. */
export async function decodeImageFile(file: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeCanvas(drawScaled(bitmap, bitmap.width, bitmap.height));
  } finally {
    bitmap.close();
  }
}
