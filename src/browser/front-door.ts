/**
 * The verify front door (`/`): every way in ends in `verifyText`, which shows two separate
 * checks: the signature, judged here against the published keys (works offline once the keys
 * were fetched), and the registry status, fetched from `/api/v1/verify/<token>`.
 */
import { KeyStore } from './keys.js';
import { frontDoorMessages } from './messages.js';
import { askServerAboutPdf, decodePdfFile } from './pdf-file.js';
import { decodeImageFile } from './qr-image.js';
import { clearResult, renderResult, type StatusAnswer } from './result-view.js';
import { startCamera } from './scan-camera.js';
import { checkTokenSignature, readVerifyLink, type SignatureCheck } from './token-check.js';

const { lang, t } = await frontDoorMessages();
const keys = new KeyStore();
const domain = document.querySelector('.quishing')?.getAttribute('data-domain') ?? location.host;
const resultBox = document.getElementById('result') as HTMLElement;
const MESSAGE_IDS = ['paste-message', 'lookup-message', 'upload-message', 'scan-message'];

/**
 * The current attempt. Each paste, lookup, upload or scan starts a new one, which first takes the
 * previous result and messages off the page: a failed attempt must never leave an earlier
 * certificate's green verdict showing. An answer that arrives after a newer attempt began is
 * dropped.
 */
let attempt = 0;

function newAttempt(): number {
  clearResult(resultBox);
  for (const id of MESSAGE_IDS) {
    const message = document.getElementById(id);
    if (message) message.textContent = '';
  }
  attempt += 1;
  return attempt;
}

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
async function verifyText(text: string, message: HTMLElement, current: number): Promise<void> {
  if (current !== attempt) return;
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
  await showToken(link.token, current);
}

async function showToken(token: string, current: number): Promise<void> {
  const view = renderResult(resultBox, { t, lang, retry: () => showToken(token, current) });
  view.checking();
  const [signature, status] = await Promise.all([signatureOf(token), fetchStatus(token)]);
  if (current === attempt) view.show({ signature, status });
}

// Paste a link: judged in the page; the form still works without JavaScript.
document.getElementById('paste-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('code') as HTMLInputElement;
  const message = ensureMessage(event.currentTarget as HTMLElement, 'paste-message');
  void verifyText(input.value, message, newAttempt());
});

// Serial and IIN: POST only, so the IIN never sits in a URL or a history entry.
document.getElementById('lookup-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const message = ensureMessage(form, 'lookup-message');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  void lookup(value('serial'), value('iin'), message, newAttempt());
});

async function lookup(
  serial: string,
  iin: string,
  message: HTMLElement,
  current: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/api/v1/verify/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serial, iin }),
    });
  } catch {
    if (current === attempt) message.textContent = t('result.statusUnavailable');
    return;
  }
  if (current !== attempt) return;
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
  if (current !== attempt) return;
  if (result.verdict === 'not_found') {
    message.textContent = t('home.lookupNoMatch');
    return;
  }
  const view = renderResult(resultBox, {
    t,
    lang,
    retry: () => lookup(serial, iin, message, current),
  });
  view.show({ signature: 'not_checked', status: { result, receivedAt: new Date() } });
}

// Upload a photo, a scan or a PDF.
const upload = document.getElementById('upload') as HTMLInputElement | null;
upload?.addEventListener('change', () => {
  const file = upload.files?.[0];
  const message = document.getElementById('upload-message') as HTMLElement;
  if (file) void readFile(file, message, newAttempt());
});

async function readFile(file: File, message: HTMLElement, current: number): Promise<void> {
  message.textContent = t('home.reading');
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  try {
    if (isPdf) {
      const server = await askServerAboutPdf(file);
      const link = server?.token ?? server?.verifyUrl;
      if (link) return await verifyText(link, message, current);
    }
    const text = isPdf ? await decodePdfFile(file) : await decodeImageFile(file);
    if (current !== attempt) return;
    if (!text) {
      message.textContent = t('home.noQr');
      return;
    }
    await verifyText(text, message, current);
  } catch {
    if (current === attempt) message.textContent = t('home.badFile');
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
    void verifyText(text, scanMessage, newAttempt());
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
