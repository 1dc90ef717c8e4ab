import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/web/i18n/translator.js';
import { type CertificateJson, issue } from '../e2e/client.js';
import { ARTIFACTS, type BrowserApp, launchChromium, startBrowserApp } from './harness.js';

const WIDTH = 640;
const HEIGHT = 480;

/**
 * A Y4M clip (YUV 4:2:0) of a QR code on white, which Chromium plays as its fake camera. The
 * page decodes it with jsQR, not with the encoder that drew it.
 */
function qrClip(text: string, frames = 10): Buffer {
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const size = symbol.modules.size;
  const scale = Math.floor(420 / (size + 8));
  const left = Math.floor((WIDTH - size * scale) / 2);
  const top = Math.floor((HEIGHT - size * scale) / 2);

  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!symbol.modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        luma.fill(
          16,
          (top + row * scale + y) * WIDTH + left + col * scale,
          (top + row * scale + y) * WIDTH + left + (col + 1) * scale,
        );
      }
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

let app: BrowserApp;
let camera: Browser;
let certificate: CertificateJson;

beforeAll(async () => {
  app = await startBrowserApp();
  certificate = await issue(app.registry);

  await mkdir(ARTIFACTS, { recursive: true });
  const clip = join(ARTIFACTS, 'camera-qr.y4m');
  await writeFile(clip, qrClip(certificate.verifyUrl));
  camera = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${clip}`,
  ]);
});
afterAll(async () => {
  await camera?.close();
  await app?.close();
});

describe('scanning with the camera', () => {
  it('reads the QR code from the camera, stops the camera and shows the verdict', async () => {
    const context = await camera.newContext({
      baseURL: app.origin,
      permissions: ['camera'],
      viewport: { width: 360, height: 780 },
      extraHTTPHeaders: { 'accept-language': 'kk' },
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: translator('kk')('home.scanStart') }).click();
    await page.locator('#result .verdict').waitFor({ timeout: 15_000 });

    await expect(page.locator('#result .verdict-text').innerText()).resolves.toBe(
      translator('kk')('verdict.valid'),
    );
    await expect(page.locator('#check-signature').getAttribute('data-tone')).resolves.toBe('ok');
    await expect(page.locator('#scan-video').isHidden()).resolves.toBe(true);
    const tracks = await page.evaluate(
      () => (document.getElementById('scan-video') as HTMLVideoElement).srcObject,
    );
    expect(tracks).toBeNull();
    await context.close();
  });
});
