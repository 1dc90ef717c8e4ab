import { localDay } from '../domain/calendar.js';
import type { MessageKey } from '../web/i18n/translator.js';
import { ApiError, api, errorText } from './api.js';
import { approveDialog } from './console-approve-dialog.js';
import { factsView, type ReviewFacts } from './console-review-facts.js';
import { statusDialogs } from './console-status-dialogs.js';
import {
  keyRow,
  type PublishedKey,
  type QueueItem,
  queueCard,
  type RegistryItem,
  registryItem,
} from './console-views.js';
import { el } from './format.js';
import { type FieldProblem, issueFormProblems } from './issue-form-check.js';
import { pageMessages } from './messages.js';

/**
 * The provider console. The officer's token is kept in sessionStorage and sent as a bearer
 * header from this page only: never in a URL, never in a cookie (so no other site can make the
 * browser use it, and no CSRF token is needed), forgotten when the tab closes. The strict CSP
 * (scripts from this origin only) is what keeps other code from reading it.
 */
const { lang, t } = pageMessages();
const TOKEN_KEY = 'console.token';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('console-status');
const reasons = $<HTMLTemplateElement>('refusal-reasons').content;

interface OfficerView {
  id: string;
  roles: string[];
  provider: { id: string; nameKk: string | null; nameRu: string | null; nameEn: string | null };
}

let token = sessionStorage.getItem(TOKEN_KEY) ?? undefined;
let officer: OfficerView | undefined;

const call = <T>(path: string, init: Parameters<typeof api>[1] = {}) =>
  api<T>(path, { ...init, bearer: token });

/** A 401 anywhere ends the console session; other errors are said where they happened. */
function handled(error: unknown, where: HTMLElement): void {
  if (error instanceof ApiError && error.status === 401) {
    signOut(t('console.error_unauthorized'));
    return;
  }
  where.textContent = errorText(t, 'console', error);
}

function signOut(notice: string): void {
  token = undefined;
  officer = undefined;
  sessionStorage.removeItem(TOKEN_KEY);
  $('console').hidden = true;
  $('officer-sign-in').hidden = false;
  status.textContent = notice;
}

async function enter(): Promise<void> {
  officer = await call<OfficerView>('/api/v1/console/officer');
  const names = {
    kk: officer.provider.nameKk,
    ru: officer.provider.nameRu,
    en: officer.provider.nameEn,
  };
  $('officer-name').textContent = t('console.signedInAs', {
    provider: names[lang] ?? officer.provider.id,
    officer: officer.id,
  });
  $('officer-sign-in').hidden = true;
  $('console').hidden = false;
  status.textContent = '';
  await Promise.all([loadQueue(), loadKeys()]);
}

/** Says a result on the status line and takes focus there, so it is read and seen at once. */
function announce(message: string): void {
  status.textContent = message;
  status.focus();
}

$<HTMLFormElement>('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('officer-token');
  token = input.value.trim();
  input.value = '';
  $('token-error').textContent = '';
  try {
    await enter();
    sessionStorage.setItem(TOKEN_KEY, token);
    // The sign-in form is hidden now; the console's first heading takes focus.
    $('queue-title').focus();
  } catch (error) {
    token = undefined;
    $('token-error').textContent = errorText(t, 'console', error);
  }
});
$('officer-sign-out').addEventListener('click', () => signOut(t('console.signedOut')));

// --- Review queue ----------------------------------------------------------------------------

async function loadQueue(): Promise<void> {
  const list = $('queue');
  try {
    const { applications } = await call<{ applications: QueueItem[] }>(
      '/api/v1/review/applications',
    );
    const cards = applications.map((a) => {
      const card = queueCard(lang, t, a, reasons);
      wireCard(card, a);
      return card;
    });
    list.replaceChildren(
      ...(cards.length ? cards : [el('li', { class: 'hint empty' }, t('console.queueEmpty'))]),
    );
  } catch (error) {
    handled(error, status);
  }
}

const askApproval = approveDialog({
  lang,
  t,
  approve: (path) => call(path, { method: 'POST' }),
  failed: handled,
  done: async (id) => {
    await loadQueue();
    announce(t('console.approved', { id }));
  },
});

/** The refusal reasons in the page's words, from the template the server filled. */
function refusalText(code: string): string {
  const option = reasons.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(code)}"]`);
  return option?.textContent ?? code;
}

/** Reads what the state records say now and shows it on the card, beside the copy. */
async function loadFacts(card: HTMLElement, a: QueueItem): Promise<ReviewFacts | undefined> {
  const box = card.querySelector('.review-facts') as HTMLElement;
  try {
    const { facts } = await call<{ facts: ReviewFacts }>(a.links.self);
    const own = officer?.provider;
    const providerName = (id: string) =>
      (own?.id === id ? { kk: own.nameKk, ru: own.nameRu, en: own.nameEn }[lang] : null) ?? id;
    box.replaceChildren(factsView(facts, { lang, t, type: a.type, providerName, refusalText }));
    return facts;
  } catch (e) {
    handled(e, card.querySelector('.card-error') as HTMLElement);
    return undefined;
  }
}

function wireCard(card: HTMLElement, a: QueueItem): void {
  const error = card.querySelector('.card-error') as HTMLElement;
  const facts = loadFacts(card, a);
  card
    .querySelector('.show-attachment')
    ?.addEventListener('click', () => void preview(card, a, error));
  card.querySelector('.approve')?.addEventListener('click', async () => {
    askApproval({ id: a.id, link: a.links.approve, facts: await facts });
  });
  card.querySelector('.refuse')?.addEventListener('click', async () => {
    const reason = (card.querySelector('select[name=reason]') as HTMLSelectElement).value;
    const comment = (
      card.querySelector('textarea[name=comment]') as HTMLTextAreaElement
    ).value.trim();
    try {
      await call(a.links.refuse, {
        method: 'POST',
        json: { reason, ...(comment ? { comment } : {}) },
      });
      await loadQueue();
      announce(t('console.refused', { id: a.id }));
    } catch (e) {
      handled(e, error);
    }
  });
}

/** Fetches a file with the bearer header and hands it to the page as a `blob:` URL. */
async function blobUrl(path: string): Promise<{ url: string; type: string }> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, '');
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}

/**
 * The attached copy: an image inline, a PDF as a link the browser's own viewer opens. The file
 * is served as a sandboxed download and shown from a `blob:` URL, which the CSP allows for images.
 */
async function preview(card: HTMLElement, a: QueueItem, error: HTMLElement): Promise<void> {
  if (!a.attachment) return;
  const box = card.querySelector('.attachment-preview') as HTMLElement;
  try {
    const { url, type } = await blobUrl(a.attachment.link);
    box.replaceChildren(
      type.startsWith('image/')
        ? el('img', { src: url, alt: t('console.attachmentAlt', { id: a.id }) })
        : el(
            'a',
            { href: url, target: '_blank', rel: 'noopener', download: `${a.id}.pdf` },
            t('console.openPdf'),
          ),
    );
  } catch (e) {
    handled(e, error);
  }
}

$('queue-refresh').addEventListener('click', () => void loadQueue());

// --- Issue -----------------------------------------------------------------------------------

const issueForm = $<HTMLFormElement>('issue-form');
let issueKey: string | undefined;

const issueValue = (name: string) =>
  (issueForm.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';

function issueBody(): Record<string, unknown> {
  const value = issueValue;
  const person = (who: string, withBirth: boolean) => ({
    iin: value(`${who}.iin`),
    lastName: value(`${who}.lastName`),
    firstName: value(`${who}.firstName`),
    ...(value(`${who}.middleName`) ? { middleName: value(`${who}.middleName`) } : {}),
    ...(withBirth ? { birthDate: value(`${who}.birthDate`) } : {}),
  });
  return {
    type: value('type'),
    guardian: person('guardian', false),
    child: person('child', true),
    decision: { number: value('decision.number'), date: value('decision.date') },
    ...(value('validUntil') ? { validUntil: value('validUntil') } : {}),
  };
}

const PROBLEM_TEXT: Record<FieldProblem['problem'], MessageKey> = {
  required: 'console.fieldRequired',
  iin_digits: 'console.fieldIinDigits',
  invalid_iin: 'console.error_invalid_iin',
  date: 'console.fieldDate',
  name: 'console.fieldName',
  too_long: 'console.fieldTooLong',
  birth_date_not_iin: 'console.error_iin_birth_date_mismatch',
  future: 'console.fieldDecisionFuture',
  past: 'console.fieldValidUntilPast',
};

/** Says a problem under its field and marks the input; false when the form has no such field. */
function showFieldError(field: string, text: string): boolean {
  const target = issueForm.querySelector<HTMLElement>(
    `.field-error[data-field="${CSS.escape(field)}"]`,
  );
  if (!target) return false;
  target.textContent = text;
  (issueForm.elements.namedItem(field) as HTMLElement | null)?.setAttribute('aria-invalid', 'true');
  return true;
}

function focusFirstInvalid(): void {
  issueForm.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

issueForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  for (const node of issueForm.querySelectorAll<HTMLElement>('.field-error')) node.textContent = '';
  for (const node of issueForm.querySelectorAll('[aria-invalid]'))
    node.removeAttribute('aria-invalid');

  // What the browser can see is said all at once; the server still checks everything.
  $('issue-done').replaceChildren();
  $('issue-done').hidden = true;
  const problems = issueFormProblems(issueValue, localDay(new Date()));
  if (problems.length) {
    for (const p of problems) {
      showFieldError(p.field, t(PROBLEM_TEXT[p.problem], 'max' in p ? { max: p.max } : {}));
    }
    $('issue-error').textContent = t('console.issueCheckFields');
    focusFirstInvalid();
    return;
  }

  issueKey ??= crypto.randomUUID();
  try {
    const issued = await call<{ id: string; serial: string }>('/api/v1/certificates', {
      method: 'POST',
      json: issueBody(),
      headers: { 'idempotency-key': issueKey },
    });
    issueKey = undefined;
    issueForm.reset();
    await showIssued(issued);
  } catch (error) {
    if (error instanceof ApiError && error.status !== 0) issueKey = undefined;
    // The server's rule is said in the page's language under the field it names.
    const field = error instanceof ApiError ? error.field : undefined;
    if (field && showFieldError(field, errorText(t, 'console', error))) {
      $('issue-error').textContent = t('console.issueCheckFields');
      focusFirstInvalid();
    } else {
      handled(error, $('issue-error'));
    }
  }
});

/**
 * The issued certificate said right under the form, where the officer is (on a phone the status
 * line is screens above), with its PDF from the officer's endpoint; focus moves there.
 */
async function showIssued(issued: { id: string; serial: string }): Promise<void> {
  const done = $('issue-done');
  const line = el('p', {}, t('console.issued', { serial: issued.serial }));
  done.replaceChildren(line);
  try {
    const { url } = await blobUrl(`/api/v1/certificates/${issued.id}/document.pdf`);
    const label = t('console.downloadPdf', { serial: issued.serial });
    line.append(' ', el('a', { href: url, download: `${issued.serial}.pdf` }, label));
  } catch (error) {
    handled(error, $('issue-error'));
  }
  done.hidden = false;
  done.focus();
}

// --- Registry and revocation ------------------------------------------------------------------

const askStatusChange = statusDialogs({
  t,
  post: (path, json) => call(path, { method: 'POST', json }),
  failed: handled,
  done: async (message) => {
    await search();
    announce(message);
  },
});

async function search(): Promise<void> {
  const query = $<HTMLInputElement>('search-query').value.trim();
  $('search-error').textContent = '';
  // The API answers 403 without the role; the buttons are not offered then.
  const mayChangeStatus = officer?.roles.includes('revoker') ?? false;
  try {
    const { certificates } = await call<{ certificates: RegistryItem[] }>(
      `/api/v1/certificates?query=${encodeURIComponent(query)}`,
    );
    const items = certificates.map((c) => {
      const item = registryItem(lang, t, c, mayChangeStatus);
      item.querySelector('.open-pdf')?.addEventListener('click', async () => {
        try {
          window.open((await blobUrl(c.documents.pdf)).url, '_blank', 'noopener');
        } catch (e) {
          handled(e, $('search-error'));
        }
      });
      for (const kind of ['revoke', 'suspend', 'reinstate'] as const) {
        item.querySelector(`.${kind}`)?.addEventListener('click', () => askStatusChange(kind, c));
      }
      return item;
    });
    $('results').replaceChildren(
      ...(items.length ? items : [el('li', { class: 'hint empty' }, t('console.noResults'))]),
    );
  } catch (error) {
    handled(error, $('search-error'));
  }
}

$<HTMLFormElement>('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void search();
});

// --- Keys ------------------------------------------------------------------------------------

async function loadKeys(): Promise<void> {
  const { keys } = await api<{ keys: PublishedKey[] }>('/.well-known/jwks.json');
  const own = keys.filter((k) => k.provider === officer?.provider.id);
  $('keys').replaceChildren(
    ...(own.length
      ? own.map((k) => keyRow(lang, t, k))
      : [el('tr', {}, el('td', { colspan: '4' }, t('console.keysEmpty')))]),
  );
}

// --- Start -----------------------------------------------------------------------------------

if (token) {
  status.textContent = t('console.loading');
  enter().catch((error: unknown) => handled(error, status));
} else {
  signOut('');
}
