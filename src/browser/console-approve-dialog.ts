import type { Language } from '../web/i18n/languages.js';
import type { Translate } from '../web/i18n/translator.js';
import { fullName, hasGrounds, type ReviewFacts } from './console-review-facts.js';
import { day } from './format.js';

interface Deps {
  lang: Language;
  t: Translate;
  /** Approves with the officer's token; rejects with an ApiError. */
  approve: (path: string) => Promise<unknown>;
  /** Says an error in the dialog (a 401 ends the session instead). */
  failed: (error: unknown, where: HTMLElement) => void;
  /** After the approval, with the dialog closed: the status line, the queue read again. */
  done: (id: string) => Promise<void>;
}

/** The application the dialog is about, with the records the card showed (if it had them). */
export interface ToApprove {
  id: string;
  link: string;
  facts: ReviewFacts | undefined;
}

/**
 * The confirmation of "Approve and issue", in the style of the status dialogs: the title names
 * the application, the text restates whose certificate will be signed (the child's name and
 * birth date from the records), nothing is sent until the officer confirms. Esc or Cancel closes
 * it and focus goes back to the button that opened it.
 */
export function approveDialog(deps: Deps): (a: ToApprove) => void {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const { t } = deps;
  const dialog = $<HTMLDialogElement>('approve-dialog');
  const error = $('approve-error');
  let open: { a: ToApprove; opener: Element | null; sent: boolean } | undefined;

  $('approve-cancel').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    const was = open;
    open = undefined;
    if (was && !was.sent && was.opener instanceof HTMLElement && was.opener.isConnected) {
      was.opener.focus();
    }
  });

  $<HTMLFormElement>('approve-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!open) return;
    const current = open;
    try {
      await deps.approve(current.a.link);
      current.sent = true;
      dialog.close();
      await deps.done(current.a.id);
    } catch (e) {
      deps.failed(e, error);
    }
  });

  return (a) => {
    open = { a, opener: document.activeElement, sent: false };
    $('approve-title').textContent = t('console.approveTitle', { id: a.id });
    const facts = a.facts;
    $('approve-whom').textContent = hasGrounds(facts)
      ? t('console.approveWhom', {
          child: fullName(facts.child),
          birthDate: day(deps.lang, facts.child.birthDate),
        })
      : t('console.approveNoFacts');
    error.textContent = '';
    dialog.showModal();
  };
}
