import type { MessageKey, Translate } from '../web/i18n/translator.js';
import type { RegistryItem } from './console-views.js';

/** The three changes of a certificate's status an officer confirms in a dialog. */
export type StatusChange = 'revoke' | 'suspend' | 'reinstate';

const TEXTS: Record<StatusChange, { title: MessageKey; done: MessageKey }> = {
  revoke: { title: 'console.revokeTitle', done: 'console.revokedDone' },
  suspend: { title: 'console.suspendTitle', done: 'console.suspendedDone' },
  reinstate: { title: 'console.reinstateTitle', done: 'console.reinstatedDone' },
};

interface Deps {
  t: Translate;
  /** POSTs a JSON body with the officer's token; rejects with an ApiError. */
  post: (path: string, json: Record<string, string>) => Promise<unknown>;
  /** Says an error in the dialog (a 401 ends the session instead). */
  failed: (error: unknown, where: HTMLElement) => void;
  /** After a change, with the dialog closed: the words for the status line (focus goes there). */
  done: (message: string) => Promise<void>;
}

/**
 * The confirmation dialogs of revoke, suspend and reinstate: `<kind>-dialog` with its form, the
 * serial in the title, a reason where the API takes one, an optional comment, nothing sent until
 * the officer confirms. The browser's modal dialog moves focus into it and closes on Esc; focus
 * goes back to the button that opened it when the dialog closes without a change (after one, the
 * caller moves it to the status line).
 */
export function statusDialogs(deps: Deps): (kind: StatusChange, c: RegistryItem) => void {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  let open:
    | { kind: StatusChange; c: RegistryItem; opener: Element | null; sent: boolean }
    | undefined;

  for (const kind of Object.keys(TEXTS) as StatusChange[]) {
    const dialog = $<HTMLDialogElement>(`${kind}-dialog`);
    $(`${kind}-cancel`).addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      const was = open;
      open = undefined;
      // After a change the row is drawn again and focus goes to the status line instead.
      if (was && !was.sent && was.opener instanceof HTMLElement && was.opener.isConnected) {
        was.opener.focus();
      }
    });

    $<HTMLFormElement>(`${kind}-form`).addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!open || open.kind !== kind) return;
      const current = open;
      const { c } = current;

      const reason = document.getElementById(`${kind}-reason`) as HTMLSelectElement | null;
      const comment = $<HTMLTextAreaElement>(`${kind}-comment`).value.trim();
      try {
        await deps.post(`/api/v1/certificates/${c.id}/${kind}`, {
          ...(reason ? { reason: reason.value } : {}),
          ...(comment ? { comment } : {}),
        });
        current.sent = true;
        dialog.close();
        await deps.done(deps.t(TEXTS[kind].done, { serial: c.serial }));
      } catch (error) {
        deps.failed(error, $(`${kind}-error`));
      }
    });
  }

  return (kind, c) => {
    open = { kind, c, opener: document.activeElement, sent: false };
    $(`${kind}-title`).textContent = deps.t(TEXTS[kind].title, { serial: c.serial });
    $(`${kind}-error`).textContent = '';
    $<HTMLFormElement>(`${kind}-form`).reset();
    $<HTMLDialogElement>(`${kind}-dialog`).showModal();
  };
}
