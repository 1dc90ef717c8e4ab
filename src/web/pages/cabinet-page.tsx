import type { Language } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { Layout } from './layout.js';

/**
 * The personal cabinet: sign-in (SMS code or EDS key file), then applying, following the
 * status, certificates with their downloads and verifications, and notifications. The server
 * renders the frame; `/js/cabinet.js` talks to the API and fills it in.
 */
export function CabinetPage(props: { lang: Language }) {
  const t = translator(props.lang);

  return (
    <Layout
      lang={props.lang}
      title={t('cabinet.title')}
      path="/cabinet"
      scripts={['/js/cabinet.js']}
      messages={['cabinet', 'verdict', 'reasons']}
    >
      <h1>{t('cabinet.title')}</h1>
      <p class="lead">{t('cabinet.lead')}</p>
      <noscript>
        <p class="warning">{t('cabinet.needsJs')}</p>
      </noscript>
      <p id="cabinet-status" class="notice" role="status" aria-live="polite" />

      <section id="sign-in" class="panel" aria-labelledby="sign-in-title" hidden>
        <h2 id="sign-in-title">{t('cabinet.signInTitle')}</h2>
        <div class="ways">
          {/* Two forms, so Enter (or a phone keyboard's "Go") in each field does that field's
              step: the IIN asks for a code, the code signs in. */}
          <div class="way">
            <h3>{t('cabinet.smsTitle')}</h3>
            <form id="sms-form" novalidate>
              <label for="sms-iin">{t('cabinet.iin')}</label>
              <input
                id="sms-iin"
                name="iin"
                inputmode="numeric"
                autocomplete="username"
                enterkeyhint="send"
                maxlength={12}
                aria-describedby="sms-iin-hint"
                required
              />
              <p id="sms-iin-hint" class="hint">
                {t('cabinet.iinHint')}
              </p>
              <div class="actions">
                <button type="submit" id="sms-send">
                  {t('cabinet.sendCode')}
                </button>
              </div>
            </form>
            <div id="sms-code-step" hidden>
              <form id="sms-code-form" novalidate>
                <p id="sms-sent" class="hint" />
                <label for="sms-code">{t('cabinet.code')}</label>
                <input
                  id="sms-code"
                  name="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  enterkeyhint="go"
                  maxlength={6}
                  aria-describedby="sms-code-hint"
                  required
                />
                <p id="sms-code-hint" class="hint">
                  {t('cabinet.codeHint')}
                </p>
                <div class="actions">
                  <button type="submit" id="sms-verify">
                    {t('cabinet.signIn')}
                  </button>
                </div>
              </form>
            </div>
            <p class="field-error" id="sms-error" role="alert" />
          </div>

          <form id="eds-form" class="way" novalidate>
            <h3>{t('cabinet.edsTitle')}</h3>
            <label for="eds-file">{t('cabinet.edsFile')}</label>
            <input
              id="eds-file"
              name="key"
              type="file"
              accept="application/json,.json"
              aria-describedby="eds-hint"
              required
            />
            <p id="eds-hint" class="hint">
              {t('cabinet.edsHint')}
            </p>
            <div class="actions">
              <button type="submit">{t('cabinet.edsSignIn')}</button>
            </div>
            <p class="field-error" id="eds-error" role="alert" />
          </form>
        </div>
      </section>

      <div id="account" hidden>
        <p class="signed-in">
          <span id="signed-in-as" />{' '}
          <button type="button" id="sign-out" class="secondary">
            {t('cabinet.signOut')}
          </button>
        </p>

        <section class="panel" aria-labelledby="apply-title">
          <h2 id="apply-title" tabindex={-1}>
            {t('cabinet.applyTitle')}
          </h2>
          <form id="apply-form" novalidate>
            <label for="apply-type">{t('cabinet.type')}</label>
            <select id="apply-type" name="type">
              <option value="guardianship">{t('cabinet.guardianship')}</option>
              <option value="trusteeship">{t('cabinet.trusteeship')}</option>
            </select>
            <label for="apply-child">{t('cabinet.childIin')}</label>
            <input
              id="apply-child"
              name="childIin"
              inputmode="numeric"
              maxlength={12}
              aria-describedby="apply-child-hint apply-child-error"
              required
            />
            <p id="apply-child-hint" class="hint">
              {t('cabinet.iinHint')}
            </p>
            <p class="field-error" id="apply-child-error" />
            <label for="apply-attachment">{t('cabinet.attachment')}</label>
            <input
              id="apply-attachment"
              name="attachment"
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby="apply-attachment-hint apply-attachment-error"
            />
            <p id="apply-attachment-hint" class="hint">
              {t('cabinet.attachmentHint')}
            </p>
            <p class="field-error" id="apply-attachment-error" />
            <div class="actions">
              <button type="submit">{t('cabinet.apply')}</button>
            </div>
            <p class="field-error" id="apply-error" role="alert" />
          </form>
        </section>

        <section class="panel" aria-labelledby="applications-title">
          <h2 id="applications-title">{t('cabinet.applicationsTitle')}</h2>
          <ul id="applications" class="cards" aria-live="polite" />
        </section>

        <section class="panel" aria-labelledby="certificates-title">
          <h2 id="certificates-title">{t('cabinet.certificatesTitle')}</h2>
          <ul id="certificates" class="cards" />
        </section>

        <section class="panel" aria-labelledby="notifications-title">
          <h2 id="notifications-title">{t('cabinet.notificationsTitle')}</h2>
          <ul id="notifications" class="plain-list" />
        </section>
      </div>
    </Layout>
  );
}
