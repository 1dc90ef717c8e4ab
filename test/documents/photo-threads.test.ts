import { encode as encodePng } from 'fast-png';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessPhotoReader } from '../../src/documents/photo-reader.js';
import { ThreadPhotoReader } from '../../src/node/photo-threads.js';

const threads = new ThreadPhotoReader();
afterAll(() => threads.close());

/** A white 20-megapixel PNG: small on the wire, a long decode. */
function largeWhitePng(): Uint8Array {
  const side = 4_500;
  const data = new Uint8Array(side * side).fill(255);
  return encodePng({ width: side, height: side, channels: 1, depth: 8, data });
}

/** Which finishes first: the read, or a timer set just after it started. */
async function orderOf(read: Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const reading = read.then(() => order.push('read'));
  await new Promise((resolve) => setTimeout(resolve, 10));
  order.push('timer');
  await reading;
  return order;
}

describe('ThreadPhotoReader', () => {
  it('reads the QR of a photo as the in-process reader does', async () => {
    const png = new Uint8Array(await QRCode.toBuffer('ABC-123', { type: 'png', scale: 4 }));
    expect(await threads.read(png, 'image/png')).toEqual({ ok: true, text: 'ABC-123' });
    expect(await inProcessPhotoReader.read(png, 'image/png')).toEqual({
      ok: true,
      text: 'ABC-123',
    });
  });

  it('leaves the event loop free while it decodes, where the in-process reader holds it', async () => {
    const png = largeWhitePng();
    expect(await orderOf(threads.read(png, 'image/png'))).toEqual(['timer', 'read']);
    expect(await orderOf(inProcessPhotoReader.read(png, 'image/png'))).toEqual(['read', 'timer']);
  });

  it('answers unreadable for a truncated image, and keeps working', async () => {
    const png = new Uint8Array(await QRCode.toBuffer('ABC-123', { type: 'png', scale: 4 }));
    expect(await threads.read(png.subarray(0, 100), 'image/png')).toEqual({
      ok: false,
      code: 'image_unreadable',
    });
    expect(await threads.read(png, 'image/png')).toEqual({ ok: true, text: 'ABC-123' });
  });
});
