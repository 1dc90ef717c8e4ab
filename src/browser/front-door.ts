/**
 * The verify front door (`/`): every way in ends in `verifyText`, which shows two separate
 * checks: the signature, judged here against the published keys (works offline once the keys
 * were fetched), and the registry status, fetched from `/api/v1/verify/<token>`.
 */
import { KeyStore } from './keys.js';
import { iinProblem, type LookupProblem, lookupProblems } from './lookup-check.js';
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
const FIELDS = ['serial', 'iin'] as const;

/** The ways in, and the inputs each one's form holds. */
type Way = 'scan' | 'upload' | 'paste' | 'lookup';
const INPUTS: Record<Way, string[]> = {
  scan: [],
  upload: ['upload'],
  paste: ['code'],
  lookup: ['serial', 'iin'],
};

const input = (id: string) => document.getElementById(id) as HTMLInputElement | null;

/**
 * The current attempt. Each paste, lookup, upload or scan starts a new one, which first takes the
 * previous result and messages off the page: a failed attempt must never leave an earlier
 * certificate's green verdict showing. It also empties the other ways' inputs: on a shared
 * computer an earlier serial, a person's IIN or a link must not stay beside a verdict about
 * another certificate. An answer that arrives after a newer attempt began is dropped.
 */
let attempt = 0;

function newAttempt(from: Way): number {
  clearResult(resultBox);
  clearFieldProblems();
  languageLinksTo(undefined);
  for (const id of MESSAGE_IDS) {
    const message = document.getElementById(id);
    if (message) message.textContent = '';
  }
  for (const [way, ids] of Object.entries(INPUTS)) {
    if (way === from) continue;
    for (const id of ids) {
      const field = input(id);
      if (field) field.value = '';
    }
  }
  attempt += 1;
  return attempt;
}

/** Says under each lookup field what is wrong with it, marks it, and focuses the first. */
function showFieldProblems(problems: LookupProblem[]): void {
  for (const { field, message } of problems) {
    const error = document.getElementById(`${field}-error`);
    if (error) error.textContent = t(message);
    input(field)?.setAttribute('aria-invalid', 'true');
  }
  const first = problems[0];
  if (first) input(first.field)?.focus();
}

function clearFieldProblems(): void {
  for (const field of FIELDS) {
    const error = document.getElementById(`${field}-error`);
    if (error) error.textContent = '';
    input(field)?.removeAttribute('aria-invalid');
  }
}

/**
 * The language links, pointing at this page as the server drew them; after the verdict on a
 * link, at that certificate's own verify page (`/v/<token>`, drawn by the server) in the other
 * language, so switching keeps the verdict. A lookup keeps them as they are: its IIN must never
 * go into a URL.
 */
const languageLinks = [...document.querySelectorAll<HTMLAnchorElement>('nav.languages a')];
const pageHrefs = languageLinks.map((link) => link.getAttribute('href') ?? '/');

function languageLinksTo(token: string | undefined): void {
  languageLinks.forEach((link, index) => {
    const lang = link.getAttribute('hreflang') ?? '';
    link.href = token
      ? `/v/${encodeURIComponent(token)}?lang=${encodeURIComponent(lang)}`
      : (pageHrefs[index] ?? '/');
  });
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

/**
 * Judges a scanned, uploaded or pasted text and shows the result. `byLink`: the text is the link
 * itself (pasted or scanned), so the language links may lead to its verify page.
 */
async function verifyText(
  text: string,
  message: HTMLElement,
  current: number,
  byLink: boolean,
): Promise<void> {
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
  await showToken(link.token, current, byLink);
}

async function showToken(token: string, current: number, byLink: boolean): Promise<void> {
  const retry = () => showToken(token, current, byLink);
  const view = renderResult(resultBox, { t, lang, retry });
  view.checking();
  const [signature, status] = await Promise.all([signatureOf(token), fetchStatus(token)]);
  if (current !== attempt) return;
  view.show({ signature, status });
  if (byLink) languageLinksTo(token);
}

// Paste a link: judged in the page; the form still works without JavaScript.
document.getElementById('paste-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const link = input('code')?.value ?? '';
  const message = ensureMessage(event.currentTarget as HTMLElement, 'paste-message');
  void verifyText(link, message, newAttempt('paste'), true);
});

// Serial and IIN: POST only, so the IIN never sits in a URL or a history entry. Both are judged
// here first (the page's own words under each field); the browser's bubbles are off for that.
const lookupForm = document.getElementById('lookup-form') as HTMLFormElement | null;
if (lookupForm) lookupForm.noValidate = true;
lookupForm?.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const message = ensureMessage(form, 'lookup-message');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
  const [serial, iin] = [value('serial'), value('iin')];
  const current = newAttempt('lookup');
  const problems = lookupProblems(serial, iin);
  if (problems.length) {
    showFieldProblems(problems);
    return;
  }
  void lookup(serial.trim(), iin.trim(), message, current);
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
    if (current !== attempt) return;
    const field = body.error?.field;
    if (field === 'iin') {
      showFieldProblems([{ field, message: iinProblem(iin) ?? 'home.lookupIinNotReal' }]);
    } else if (field === 'serial') {
      showFieldProblems([{ field, message: 'home.lookupBadSerial' }]);
    } else {
      message.textContent = t('home.lookupBadSerial');
    }
    return;
  }
  const result = await response.json();
  if (current !== attempt) return;
  // Answered: the IIN has done its work and leaves the screen; the serial stays beside its verdict.
  const iinField = input('iin');
  if (iinField) iinField.value = '';
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
  if (file) void readFile(file, message, newAttempt('upload'));
});

async function readFile(file: File, message: HTMLElement, current: number): Promise<void> {
  message.textContent = t('home.reading');
  const isPdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  try {
    if (isPdf) {
      const server = await askServerAboutPdf(file);
      const link = server?.token ?? server?.verifyUrl;
      if (link) return await verifyText(link, message, current, false);
    }
    const text = isPdf ? await decodePdfFile(file) : await decodeImageFile(file);
    if (current !== attempt) return;
    if (!text) {
      message.textContent = t('home.noQr');
      return;
    }
    await verifyText(text, message, current, false);
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
    void verifyText(text, scanMessage, newAttempt('scan'), true);
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
