import type { MessageKey } from '../web/i18n/translator.js';
import { ApiError, api, errorText } from './api.js';
import {
  ACTIVE,
  type ApplicationView,
  applicationCard,
  type CertificateView,
  certificateCard,
  fillList,
  type NotificationView,
  notificationItem,
  tickCountdowns,
} from './cabinet-views.js';
import { readEdsKey, signChallenge } from './eds-key.js';
import { pageMessages } from './messages.js';

/**
 * The personal cabinet. The session cookie is HttpOnly; the page keeps only the CSRF token the
 * sign-in answered (sessionStorage: this tab, until it closes), so a reload stays signed in and
 * another tab signs in on its own.
 */
const { lang, t } = pageMessages();
const SESSION_KEY = 'cabinet.session';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

interface Session {
  iin: string;
  method: 'otp' | 'eds';
  csrfToken: string;
}

const status = $('cabinet-status');
const signIn = $('sign-in');
const account = $('account');
let session: Session | undefined;
let pollTimer: number | undefined;
/** The application this page just sent, until its outcome replaces "received" at the top. */
let awaitingOutcome: string | undefined;

/** The line at the top once the application just sent has moved past "received". */
const OUTCOME_LINES: Partial<Record<ApplicationView['status'], MessageKey>> = {
  issued: 'cabinet.appliedIssued',
  refused: 'cabinet.appliedRefused',
  review: 'cabinet.appliedReview',
};

function stored(): Session | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

function show(signedIn: Session | undefined, notice = ''): void {
  session = signedIn;
  if (signedIn) sessionStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
  else sessionStorage.removeItem(SESSION_KEY);
  signIn.hidden = Boolean(signedIn);
  account.hidden = !signedIn;
  status.textContent = notice;
  if (signedIn) {
    $('signed-in-as').textContent = t('cabinet.signedInAs', {
      iin: signedIn.iin,
      method: t(`cabinet.method_${signedIn.method}`),
    });
  } else {
    window.clearTimeout(pollTimer);
    awaitingOutcome = undefined;
  }
}

/** Any call that finds the session gone sends the user back to sign in. */
function lostSession(error: unknown): boolean {
  if (error instanceof ApiError && error.status === 401) {
    show(undefined, t('cabinet.error_unauthorized'));
    return true;
  }
  return false;
}

// --- Sign-in by SMS code ---------------------------------------------------------------------

const smsForm = $<HTMLFormElement>('sms-form');
const codeStep = $('sms-code-step');
const codeForm = $<HTMLFormElement>('sms-code-form');
const smsIin = $<HTMLInputElement>('sms-iin');
const smsCode = $<HTMLInputElement>('sms-code');
const smsSent = $('sms-sent');
const smsError = $('sms-error');

/** Says what went wrong next to the field, and marks and focuses the field. */
function fieldProblem(input: HTMLInputElement, where: HTMLElement, text: string): void {
  where.textContent = text;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/** The error in words, with what the API adds: a wrong code's tries left, a limit's wait. */
function signInErrorText(error: unknown): string {
  const text = errorText(t, 'cabinet', error);
  if (!(error instanceof ApiError)) return text;

  const { attemptsLeft, retryAfterSeconds: wait } = error.more;
  if (error.code === 'otp_invalid' && attemptsLeft !== undefined) {
    return `${text} ${t('cabinet.otpAttemptsLeft', { left: attemptsLeft })}`;
  }
  if (error.code === 'rate_limited' && wait !== undefined) {
    return wait <= 90
      ? t('cabinet.rateLimitedSeconds', { seconds: wait })
      : t('cabinet.rateLimitedMinutes', { minutes: Math.ceil(wait / 60) });
  }
  return text;
}

// Enter in the IIN field asks for a code; Enter in the code field signs in (its own form).
smsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  // Each attempt starts clean: no line of an earlier one stays beside the new answer.
  smsError.textContent = '';
  smsSent.textContent = '';
  smsIin.removeAttribute('aria-invalid');
  const iin = smsIin.value.trim();
  if (!iin) {
    fieldProblem(smsIin, smsError, t('cabinet.iinRequired'));
    return;
  }

  try {
    const sent = await api<{ phoneHint: string }>('/api/v1/auth/otp', {
      method: 'POST',
      json: { iin },
    });
    smsSent.textContent = t('cabinet.codeSent', { phone: sent.phoneHint });
    codeStep.hidden = false;
    smsCode.value = '';
    smsCode.focus();
  } catch (error) {
    smsError.textContent = signInErrorText(error);
    if (error instanceof ApiError && error.field === 'iin') {
      smsIin.setAttribute('aria-invalid', 'true');
    }
  }
});

codeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  smsError.textContent = '';
  smsCode.removeAttribute('aria-invalid');
  const code = smsCode.value.trim();
  if (!code) {
    fieldProblem(smsCode, smsError, t('cabinet.codeRequired'));
    return;
  }

  try {
    const opened = await api<Session>('/api/v1/auth/otp/verify', {
      method: 'POST',
      json: { iin: smsIin.value.trim(), code },
    });
    await enter(opened);
  } catch (error) {
    smsError.textContent = signInErrorText(error);
    // A code that can no longer be used makes "the code was sent" a stale line.
    if (error instanceof ApiError && error.code !== 'otp_invalid') smsSent.textContent = '';
    if (error instanceof ApiError && error.field === 'code') {
      smsCode.setAttribute('aria-invalid', 'true');
    }
  }
});

// --- Sign-in with the EDS key file -----------------------------------------------------------

const edsForm = $<HTMLFormElement>('eds-form');
const edsError = $('eds-error');

edsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  edsError.textContent = '';
  const file = $<HTMLInputElement>('eds-file').files?.[0];
  const key = file ? await readEdsKey(file) : undefined;
  if (!key) {
    edsError.textContent = t('cabinet.edsBadFile');
    return;
  }

  try {
    const { nonce } = await api<{ nonce: string }>('/api/v1/auth/eds/challenge', {
      method: 'POST',
    });
    const signature = await signChallenge(key, nonce);
    const opened = await api<Session>('/api/v1/auth/eds', {
      method: 'POST',
      json: { iin: key.iin, nonce, signature },
    });
    await enter(opened);
  } catch (error) {
    edsError.textContent = errorText(t, 'cabinet', error);
  } finally {
    key.seed.fill(0);
    edsForm.reset();
  }
});

async function enter(opened: Session): Promise<void> {
  show({ iin: opened.iin, method: opened.method, csrfToken: opened.csrfToken });
  // The sign-in form just went away with the focus in it: start the reader at the cabinet.
  $('apply-title').focus();
  await refresh();
}

// --- Sign out --------------------------------------------------------------------------------

$('sign-out').addEventListener('click', async () => {
  try {
    await api('/api/v1/auth/logout', { method: 'POST', csrf: session?.csrfToken });
  } catch {
    // Signed out either way: the page forgets the session even if the server has already.
  }
  show(undefined, t('cabinet.signedOut'));
});

// --- Apply -----------------------------------------------------------------------------------

const applyForm = $<HTMLFormElement>('apply-form');
const FIELD_ERRORS: Record<string, string> = {
  childIin: 'apply-child',
  attachment: 'apply-attachment',
};
/** One key per intended application, kept until it is answered: a retry cannot apply twice. */
let idempotencyKey: string | undefined;

function clearFieldErrors(): void {
  $('apply-error').textContent = '';
  for (const id of Object.values(FIELD_ERRORS)) {
    $(`${id}-error`).textContent = '';
    $(id).removeAttribute('aria-invalid');
  }
}

applyForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldErrors();
  const type = $<HTMLSelectElement>('apply-type').value;
  const childIin = $<HTMLInputElement>('apply-child').value.trim();
  const file = $<HTMLInputElement>('apply-attachment').files?.[0];
  if (!childIin) {
    fieldProblem($('apply-child'), $('apply-child-error'), t('cabinet.childIinRequired'));
    return;
  }
  idempotencyKey ??= crypto.randomUUID();

  let body: FormData | undefined;
  if (file) {
    body = new FormData();
    body.set('type', type);
    body.set('childIin', childIin);
    body.set('attachment', file);
  }
  status.textContent = t('cabinet.applying');
  try {
    const sent = await api<{ id: string }>('/api/v1/applications', {
      method: 'POST',
      csrf: session?.csrfToken,
      headers: { 'idempotency-key': idempotencyKey },
      ...(body ? { body } : { json: { type, childIin } }),
    });
    idempotencyKey = undefined;
    applyForm.reset();
    status.textContent = t('cabinet.applied');
    awaitingOutcome = sent.id;
    await refresh();
  } catch (error) {
    status.textContent = '';
    if (lostSession(error)) return;
    if (error instanceof ApiError && !error.code.startsWith('idempotency'))
      idempotencyKey = undefined;
    const fieldId =
      error instanceof ApiError && error.field ? FIELD_ERRORS[error.field] : undefined;
    if (fieldId) {
      $(`${fieldId}-error`).textContent = errorText(t, 'cabinet', error);
      $(fieldId).setAttribute('aria-invalid', 'true');
      $(fieldId).focus();
    } else if (error instanceof ApiError && error.code === 'rate_limited') {
      $('apply-error').textContent = t('cabinet.applyDailyLimit');
    } else {
      $('apply-error').textContent = errorText(t, 'cabinet', error);
    }
    // The open application may have been made elsewhere (another tab, the API): show it.
    if (error instanceof ApiError && error.code === 'application_open') await refresh();
  }
});

// --- Following the status ---------------------------------------------------------------------

/** Reads the cabinet and draws it; asks again soon while an application is still moving. */
async function refresh(): Promise<void> {
  window.clearTimeout(pollTimer);
  if (!session) return;
  try {
    const [apps, certs, notes] = await Promise.all([
      api<{ applications: ApplicationView[] }>('/api/v1/cabinet/applications'),
      api<{ certificates: CertificateView[] }>('/api/v1/cabinet/certificates'),
      api<{ notifications: NotificationView[] }>('/api/v1/cabinet/notifications'),
    ]);
    // The newest few with their history; older ones as the list has them.
    const detailed = await Promise.all(
      apps.applications
        .slice(0, 5)
        .map((a) => api<ApplicationView>(`/api/v1/applications/${a.id}`)),
    );
    const shown = [...detailed, ...apps.applications.slice(5)];

    const revoked = new Set(
      certs.certificates.filter((c) => c.status === 'revoked').map((c) => c.id),
    );
    fillList(
      $('applications'),
      shown.map((a) => applicationCard(lang, t, a, revoked)),
      t('cabinet.noApplications'),
    );
    fillList(
      $('certificates'),
      certs.certificates.map((c) => certificateCard(lang, t, c)),
      t('cabinet.noCertificates'),
    );
    fillList(
      $('notifications'),
      notes.notifications.map((n) => notificationItem(lang, n)),
      t('cabinet.noNotifications'),
    );
    tickCountdowns(t, Date.now());
    sayOutcome(shown);

    // An application with the system moves within seconds; one with an officer, in minutes.
    const moving = shown.filter((a) => ACTIVE.has(a.status));
    if (moving.length) {
      const soon = moving.some((a) => a.status !== 'review') ? 1500 : 15000;
      pollTimer = window.setTimeout(() => void refresh(), soon);
    }
  } catch (error) {
    if (lostSession(error)) return;
    status.textContent = errorText(t, 'cabinet', error);
    pollTimer = window.setTimeout(() => void refresh(), 10000);
  }
}

/**
 * "Received, the term is 30 minutes" is true only until the application moves on: then the line
 * at the top says where it went (issued, refused, with an officer), as the card below does.
 */
function sayOutcome(shown: ApplicationView[]): void {
  const sent = shown.find((a) => a.id === awaitingOutcome);
  const line = sent ? OUTCOME_LINES[sent.status] : undefined;
  if (!sent || !line) return;
  status.textContent = t(line);
  if (!ACTIVE.has(sent.status)) awaitingOutcome = undefined;
}

window.setInterval(() => tickCountdowns(t, Date.now()), 1000);

// --- Start -----------------------------------------------------------------------------------

const kept = stored();
if (kept) {
  show(kept, t('cabinet.loading'));
  void refresh().then(() => {
    if (session) status.textContent = '';
  });
} else {
  show(undefined);
}
