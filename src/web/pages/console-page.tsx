import { OFFICER_REFUSALS, refusalText } from '../../applications/refusal-reasons.js';
import type { Language } from '../i18n/languages.js';
import { type MessageKey, translator } from '../i18n/translator.js';
import { REVOCATION_REASONS } from '../schemas/issue-request.js';
import { SUSPENSION_REASONS } from '../schemas/suspension-request.js';
import { Layout } from './layout.js';

/** One labelled input of the issue form; `name` is the API's field path (`child.iin`). */
function Field(props: { lang: Language; name: string; label: MessageKey; type?: string }) {
  const t = translator(props.lang);
  const id = `issue-${props.name.replace('.', '-')}`;
  return (
    <div>
      <label for={id}>{t(props.label)}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        aria-describedby={`${id}-error`}
      />
      <p class="field-error" id={`${id}-error`} data-field={props.name} />
    </div>
  );
}

/**
 * The confirmation dialog of a status change (src/browser/console-status-dialogs.ts wires it by
 * its ids): a warning, the reason where the API takes one, an optional comment.
 */
function StatusDialog(props: {
  lang: Language;
  kind: 'revoke' | 'suspend' | 'reinstate';
  texts: {
    title: MessageKey;
    warning: MessageKey;
    reason?: MessageKey;
    comment: MessageKey;
    confirm: MessageKey;
  };
  /** The reasons the API takes, when it takes one. */
  reasons?: readonly string[];
  /** The warning is a caution (revoke, suspend), not a plain note (reinstate). */
  cautious?: boolean;
}) {
  const t = translator(props.lang);
  const { kind, texts, reasons } = props;
  return (
    <dialog id={`${kind}-dialog`} aria-labelledby={`${kind}-title`}>
      <form id={`${kind}-form`} method="dialog">
        <h2 id={`${kind}-title`}>{t(texts.title)}</h2>
        <p class={props.cautious ? 'warning' : undefined}>{t(texts.warning)}</p>
        {reasons && texts.reason && (
          <>
            <label for={`${kind}-reason`}>{t(texts.reason)}</label>
            <select id={`${kind}-reason`} name="reason">
              {reasons.map((code) => (
                <option value={code}>{t(`reasons.${code}` as MessageKey)}</option>
              ))}
            </select>
          </>
        )}
        <label for={`${kind}-comment`}>{t(texts.comment)}</label>
        <textarea id={`${kind}-comment`} name="comment" rows={2} maxlength={500} />
        <p class="field-error" id={`${kind}-error`} role="alert" />
        <div class="actions">
          <button type="submit" id={`${kind}-confirm`} value="confirm">
            {t(texts.confirm)}
          </button>
          <button type="button" class="secondary" id={`${kind}-cancel`}>
            {t('console.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Person(props: { lang: Language; who: 'guardian' | 'child'; legend: MessageKey }) {
  const t = translator(props.lang);
  const f = (name: string) => `${props.who}.${name}`;
  return (
    <fieldset class="fields">
      <legend>{t(props.legend)}</legend>
      <div class="pair">
        <Field lang={props.lang} name={f('iin')} label="console.iin" />
        <Field lang={props.lang} name={f('lastName')} label="console.lastName" />
        <Field lang={props.lang} name={f('firstName')} label="console.firstName" />
        <Field lang={props.lang} name={f('middleName')} label="console.middleName" />
        {props.who === 'child' ? (
          <Field lang={props.lang} name={f('birthDate')} label="console.birthDate" type="date" />
        ) : null}
      </div>
    </fieldset>
  );
}

/**
 * The provider console: an officer's sign-in with their token, the review queue, issuing,
 * the provider's registry with revocation, and the provider's keys. `/js/console.js` does the
 * work; reasons for refusal come in the page's language from the service's own texts.
 */
export function ConsolePage(props: { lang: Language }) {
  const t = translator(props.lang);
  const lang = props.lang;

  return (
    <Layout
      lang={lang}
      title={t('console.title')}
      path="/console"
      scripts={['/js/console.js']}
      messages={['console', 'reasons']}
    >
      <h1>{t('console.title')}</h1>
      <p class="lead">{t('console.lead')}</p>
      <noscript>
        <p class="warning">{t('console.needsJs')}</p>
      </noscript>
      {/* tabindex -1: focus moves here after an action, so the result is seen and read. */}
      <p id="console-status" class="notice" role="status" aria-live="polite" tabindex={-1} />

      <section id="officer-sign-in" class="panel" aria-labelledby="officer-sign-in-title" hidden>
        <h2 id="officer-sign-in-title">{t('console.signInTitle')}</h2>
        <form id="token-form" novalidate>
          <label for="officer-token">{t('console.token')}</label>
          <input
            id="officer-token"
            name="token"
            type="password"
            autocomplete="off"
            aria-describedby="officer-token-hint"
            required
          />
          <p id="officer-token-hint" class="hint">
            {t('console.tokenHint')}
          </p>
          <div class="actions">
            <button type="submit">{t('console.signIn')}</button>
          </div>
          <p class="field-error" id="token-error" role="alert" />
        </form>
      </section>

      <div id="console" hidden>
        <p class="signed-in">
          <span id="officer-name" />{' '}
          <button type="button" id="officer-sign-out" class="secondary">
            {t('console.signOut')}
          </button>
        </p>
        <nav class="console-nav" aria-label={t('console.sections')}>
          <a href="#queue-title">{t('console.queueTitle')}</a>
          <a href="#issue-title">{t('console.issueTitle')}</a>
          <a href="#search-title">{t('console.searchTitle')}</a>
          <a href="#keys-title">{t('console.keysTitle')}</a>
        </nav>

        <section class="panel" aria-labelledby="queue-title">
          <h2 id="queue-title" tabindex={-1}>
            {t('console.queueTitle')}
          </h2>
          <p>
            <button type="button" id="queue-refresh" class="secondary">
              {t('console.refreshQueue')}
            </button>
          </p>
          <ul id="queue" class="cards" />
          <template id="refusal-reasons">
            {OFFICER_REFUSALS.map((code) => (
              <option value={code}>{refusalText(code)[lang]}</option>
            ))}
          </template>
        </section>

        <section class="panel" aria-labelledby="issue-title">
          <h2 id="issue-title">{t('console.issueTitle')}</h2>
          <form id="issue-form" novalidate>
            <label for="issue-type">{t('console.type')}</label>
            <select id="issue-type" name="type" aria-describedby="issue-type-error">
              <option value="guardianship">{t('console.guardianship')}</option>
              <option value="trusteeship">{t('console.trusteeship')}</option>
            </select>
            <p class="field-error" id="issue-type-error" data-field="type" />
            <Person lang={lang} who="guardian" legend="console.guardian" />
            <Person lang={lang} who="child" legend="console.child_" />
            <fieldset class="fields">
              <legend>{t('console.decision')}</legend>
              <div class="pair">
                <Field lang={lang} name="decision.number" label="console.decisionNumber" />
                <Field lang={lang} name="decision.date" label="console.decisionDate" type="date" />
              </div>
            </fieldset>
            <Field lang={lang} name="validUntil" label="console.validUntil" type="date" />
            <div class="actions">
              <button type="submit">{t('console.issue')}</button>
            </div>
            <p class="field-error" id="issue-error" role="alert" />
          </form>
          <div id="issue-done" class="notice" tabindex={-1} hidden />
        </section>

        <section class="panel" aria-labelledby="search-title">
          <h2 id="search-title">{t('console.searchTitle')}</h2>
          <form id="search-form" novalidate>
            <label for="search-query">{t('console.query')}</label>
            <input id="search-query" name="query" type="search" aria-describedby="search-hint" />
            <p id="search-hint" class="hint">
              {t('console.queryHint')}
            </p>
            <div class="actions">
              <button type="submit">{t('console.search')}</button>
            </div>
            <p class="field-error" id="search-error" role="alert" />
          </form>
          <ul id="results" class="plain-list" aria-live="polite" />
        </section>

        <section class="panel" aria-labelledby="keys-title">
          <h2 id="keys-title">{t('console.keysTitle')}</h2>
          <table class="keys">
            <thead>
              <tr>
                <th scope="col">{t('console.kid')}</th>
                <th scope="col">{t('console.keyStatus')}</th>
                <th scope="col">{t('console.keyFrom')}</th>
                <th scope="col">{t('console.keyUntil')}</th>
              </tr>
            </thead>
            <tbody id="keys" />
          </table>
        </section>
      </div>

      <dialog id="approve-dialog" aria-labelledby="approve-title">
        <form id="approve-form" method="dialog">
          <h2 id="approve-title">{t('console.approve')}</h2>
          <p id="approve-whom" />
          <p class="warning">{t('console.approveWarning')}</p>
          <p class="field-error" id="approve-error" role="alert" />
          <div class="actions">
            <button type="submit" id="approve-confirm" value="confirm">
              {t('console.approveConfirm')}
            </button>
            {/* Signing is the step that matters: focus starts on the way back. */}
            <button type="button" class="secondary" id="approve-cancel" autofocus>
              {t('console.cancel')}
            </button>
          </div>
        </form>
      </dialog>

      <StatusDialog
        lang={props.lang}
        kind="revoke"
        texts={{
          title: 'console.revoke',
          warning: 'console.revokeWarning',
          reason: 'console.revokeReason',
          comment: 'console.revokeComment',
          confirm: 'console.revokeConfirm',
        }}
        reasons={REVOCATION_REASONS}
        cautious
      />
      <StatusDialog
        lang={props.lang}
        kind="suspend"
        texts={{
          title: 'console.suspend',
          warning: 'console.suspendWarning',
          reason: 'console.suspendReason',
          comment: 'console.suspendComment',
          confirm: 'console.suspendConfirm',
        }}
        reasons={SUSPENSION_REASONS}
        cautious
      />
      <StatusDialog
        lang={props.lang}
        kind="reinstate"
        texts={{
          title: 'console.reinstate',
          warning: 'console.reinstateWarning',
          comment: 'console.reinstateComment',
          confirm: 'console.reinstateConfirm',
        }}
      />
    </Layout>
  );
}
