import { describe, expect, it } from 'vitest';
import { limitPhotoReads, type PhotoQrReader } from '../../src/documents/photo-reader.js';
import type { PhotoQrResult } from '../../src/documents/qr-photo.js';

/** A reader whose reads finish when the test says so. */
function heldReader() {
  const pending: ((result: PhotoQrResult) => void)[] = [];
  const reader: PhotoQrReader = {
    read: () => new Promise((resolve) => pending.push(resolve)),
  };
  return { reader, pending };
}

const bytes = new Uint8Array([1]);

describe('limitPhotoReads', () => {
  it('runs two reads at once, queues two more, and answers busy beyond', async () => {
    const { reader, pending } = heldReader();
    const limited = limitPhotoReads(reader, { concurrent: 2, waiting: 2 });
    const reads = [1, 2, 3, 4].map(() => limited.read(bytes, 'image/png'));
    await Promise.resolve();
    expect(pending).toHaveLength(2);

    expect(await limited.read(bytes, 'image/png')).toEqual({ ok: false, code: 'busy' });

    pending[0]?.({ ok: true, text: 'first' });
    expect(await reads[0]).toEqual({ ok: true, text: 'first' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pending).toHaveLength(3); // the first waiting read took the freed slot

    for (const [i, finish] of pending.entries()) finish({ ok: true, text: `read ${i}` });
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending[3]?.({ ok: true, text: 'read 3' });
    const results = await Promise.all(reads);
    expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
  });

  it('frees the slot of a read that failed', async () => {
    const failing: PhotoQrReader = { read: () => Promise.reject(new Error('thread died')) };
    const limited = limitPhotoReads(failing, { concurrent: 1, waiting: 0 });
    await expect(limited.read(bytes, 'image/png')).rejects.toThrow('thread died');
    await expect(limited.read(bytes, 'image/png')).rejects.toThrow('thread died');
  });
});
