import { pageMessages } from './messages.js';

/**
 * "Report a mistake" on every page: select text and press Ctrl+Enter, or follow the footer
 * link. The report goes to `POST /api/v1/mistakes`; the answer is one of exactly two sentences.
 */
const { lang, t } = pageMessages();
const dialog = document.getElementById('mistake-dialog') as HTMLDialogElement | null;
const link = document.querySelector<HTMLAnchorElement>('a.report-mistake');

function open(selected: string) {
  if (!dialog) return;
  const form = dialog.querySelector('form') as HTMLFormElement;
  const answer = form.querySelector('.mistake-answer') as HTMLElement;
  (form.elements.namedItem('selected') as HTMLTextAreaElement).value = selected.slice(0, 1000);
  (form.elements.namedItem('comment') as HTMLTextAreaElement).value = '';
  answer.textContent = '';
  answer.className = 'mistake-answer';
  (form.querySelector('button[type=submit]') as HTMLButtonElement).disabled = false;
  dialog.showModal();
}

function selectedText(): string {
  return (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim();
}

async function send(form: HTMLFormElement) {
  const answer = form.querySelector('.mistake-answer') as HTMLElement;
  const submit = form.querySelector('button[type=submit]') as HTMLButtonElement;
  const field = (name: string) => (form.elements.namedItem(name) as HTMLTextAreaElement).value;
  submit.disabled = true;

  let ok = false;
  try {
    const response = await fetch('/api/v1/mistakes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        page: link?.dataset.page ?? location.pathname,
        selected: field('selected'),
        ...(field('comment').trim() ? { comment: field('comment') } : {}),
        lang,
      }),
    });
    ok = response.status === 201;
  } catch {
    ok = false;
  }
  answer.textContent = ok ? t('mistake.thanks') : t('mistake.sorry');
  answer.className = `mistake-answer ${ok ? 'answer-ok' : 'answer-sorry'}`;
  if (!ok) submit.disabled = false;
}

if (dialog) {
  link?.addEventListener('click', (event) => {
    event.preventDefault();
    open(selectedText());
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !dialog.open) {
      const text = selectedText();
      if (text) {
        event.preventDefault();
        open(text);
      }
    }
  });
  dialog.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(event.currentTarget as HTMLFormElement);
  });
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
}
