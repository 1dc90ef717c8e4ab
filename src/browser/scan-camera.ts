import { decodeCanvas, drawScaled } from './qr-image.js';

/** Frames looked at per second: enough to feel instant, little enough for an old phone. */
const FRAMES_PER_SECOND = 6;

/**
 * Shows the back camera in `video` and reads QR codes from it until one is found (then calls
 * `onText` once) or `stop()` is called. The stream never leaves the page.
 */
export async function startCamera(
  video: HTMLVideoElement,
  onText: (text: string) => void,
): Promise<{ stop(): void } | 'denied' | 'unsupported'> {
  if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';

  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
  } catch (error) {
    const name = (error as { name?: string }).name;
    return name === 'NotFoundError' || name === 'OverconstrainedError' ? 'unsupported' : 'denied';
  }

  video.srcObject = stream;
  await video.play().catch(() => {});
  let running = true;
  let busy = false;

  const timer = setInterval(async () => {
    if (!running || busy || video.readyState < 2) return;
    busy = true;
    try {
      const text = await decodeCanvas(drawScaled(video, video.videoWidth, video.videoHeight));
      if (text && running) {
        running = false;
        onText(text);
      }
    } finally {
      busy = false;
    }
  }, 1000 / FRAMES_PER_SECOND);

  return {
    stop() {
      running = false;
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
