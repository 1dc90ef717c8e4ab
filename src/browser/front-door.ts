/**
 * The verify front door (`/`): every way in ends in `verifyText`, which shows two separate
 * checks: the signature, judged here against the published keys (works offline once the keys
 * were fetched), and the registry status, fetched from `/api/v1/verify/<token>`.
 */
import { KeyStore } from './keys.js';
import { frontDoorMessages } from './messages.js';
import { askServerAboutPdf, decodePdfFile } from './pdf-file.js';
import { decodeImageFile } from './qr-image.js';
import { renderResult, type StatusAnswer } from './result-view.js';
import { startCamera } from './scan-camera.js';
import { checkTokenSignature, readVerifyLink, type SignatureCheck } from './token-check.js';

const { lang, t } = await frontDoorMessages();
const keys = new KeyStore();
const domain = document.querySelector('.quishing')?.getAttribute('data-domain') ?? location.host;
const resultBox = document.getElementById('result') as HTMLElement;

keys.prefetch();
// Lets the page open again without a network (sw.ts); the page works without it too.
navigator.serviceWorker?.register('/sw.js', { scope: '/' }).catch(() => {});
for (const section of document.querySelectorAll<HTMLElement>('.js-only')) section.hidden = false;

/** Asks the registry for the status; undefined when it cannot be reached (offline). */
async function fetchStatus(token: string): Promise<StatusAnswer | undefined> {
  try {
    const response = await fetch(`/api/v1/verify/${encodeURIComponent(token)}`, {
      cache: 'no-store',
    });
    if (!response.ok) return undefined;
    return { result: await response.json(), receivedAt: new Date() };
  } catch {
    return undefined;
  }
}

async function signatureOf(token: string): Promise<SignatureCheck | 'no_keys'> {
  const published = await keys.keys();
  if (!published) return 'no_keys';
  return checkTokenSignature(token, published);
}

/** Judges a scanned, uploaded or pasted text and shows the result. */
async function verifyText(text: string, message: HTMLElement): Promise<void> {
  const link = readVerifyLink(text, domain);
  if (link.kind === 'not_a_link') {
    message.textContent = t('home.notALink');
    return;
  }
  if (link.kind === 'foreign') {
    message.textContent = t('home.foreignLink', { host: link.host, domain });
    return;
  }
  message.textContent = '';
  await showToken(link.token);
}

async function showToken(token: string): Promise<void> {
  const view = renderResult(resultBox, { t, lang, retry: () => showToken(token) });
  view.checking();
  const [signature, status] = await Promise.all([signatureOf(token), fetchStatus(token)]);
  view.show({ signature, status });
}

// Paste a link: judged in the page; the form still works without JavaScript.
document.getElementById('paste-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('code') as HTMLInputElement;
  const message = ensureMessage(event.currentTarget as HTMLElement, 'paste-message');
  void verifyText(input.value, message);
});

// Serial and IIN: POST only, so the IIN never sits in a URL or a history entry.
document.getElementById('lookup-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const message = ensureMessage(form, 'lookup-message');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  void lookup(value('serial'), value('iin'), message);
});

async function lookup(serial: string, iin: string, message: HTMLElement): Promise<void> {
  message.textContent = '';
  let response: Response;
  try {
    response = await fetch('/api/v1/verify/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serial, iin }),
    });
  } catch {
    message.textContent = t('result.statusUnavailable');
    return;
  }
  if (response.status === 429) {
    message.textContent = t('home.busy');
    return;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { field?: string } };
    message.textContent =
      body.error?.field === 'iin' ? t('home.lookupBadIin') : t('home.lookupBadSerial');
    return;
  }
  const result = await response.json();
  if (result.verdict === 'not_found') {
    message.textContent = t('home.lookupNoMatch');
    return;
  }
  const view = renderResult(resultBox, {
    t,
    lang,
    retry: () => lookup(serial, iin, message),
  });
  view.show({ signature: 'not_checked', status: { result, receivedAt: new Date() } });
}

// Upload a photo, a scan or a PDF.
const upload = document.getElementById('upload') as HTMLInputElement | null;
upload?.addEventListener('change', () => {
  const file = upload.files?.[0];
  const message = document.getElementById('upload-message') as HTMLElement;
  if (file) void readFile(file, message);
});

async function readFile(file: File, message: HTMLElement): Promise<void> {
  message.textContent = t('home.reading');
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  try {
    if (isPdf) {
      const server = await askServerAboutPdf(file);
      const link = server?.token ?? server?.verifyUrl;
      if (link) return await verifyText(link, message);
    }
    const text = isPdf ? await decodePdfFile(file) : await decodeImageFile(file);
    if (!text) {
      message.textContent = t('home.noQr');
      return;
    }
    await verifyText(text, message);
  } catch {
    message.textContent = t('home.badFile');
  }
}

// Scan with the camera.
const scanMessage = document.getElementById('scan-message') as HTMLElement | null;
const startButton = document.getElementById('scan-start') as HTMLButtonElement | null;
const stopButton = document.getElementById('scan-stop') as HTMLButtonElement | null;
const video = document.getElementById('scan-video') as HTMLVideoElement | null;
let stopCamera: (() => void) | undefined;

startButton?.addEventListener('click', async () => {
  if (!video || !scanMessage || !stopButton) return;
  scanMessage.textContent = '';
  const started = await startCamera(video, (text) => {
    stopCamera?.();
    void verifyText(text, scanMessage);
  });
  if (started === 'denied') scanMessage.textContent = t('home.cameraDenied');
  else if (started === 'unsupported') scanMessage.textContent = t('home.cameraUnsupported');
  else {
    stopCamera = () => {
      started.stop();
      video.hidden = true;
      stopButton.hidden = true;
      startButton.hidden = false;
    };
    video.hidden = false;
    stopButton.hidden = false;
    startButton.hidden = true;
  }
});
stopButton?.addEventListener('click', () => stopCamera?.());

/** A status line under a form, created on first use. */
function ensureMessage(form: HTMLElement, id: string): HTMLElement {
  let message = document.getElementById(id);
  if (!message) {
    message = document.createElement('p');
    message.id = id;
    message.className = 'hint';
    message.setAttribute('role', 'status');
    form.append(message);
  }
  return message;
}
