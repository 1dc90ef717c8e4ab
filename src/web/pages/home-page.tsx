import type { Language } from '../i18n/languages.js';
import { translator } from '../i18n/translator.js';
import { Layout } from './layout.js';
import { Quishing } from './verify-page.js';

/**
 * The verify front door, mobile first: scan with the camera, upload a photo, scan or PDF, paste
 * the link, or type the serial and an IIN. The paste and serial forms work without JavaScript;
 * with it, `/js/front-door.js` verifies in the page: the signature against the published keys,
 * the status from the registry.
 */
export function HomePage(props: {
  lang: Language;
  path: string;
  domain: string;
  notice?: 'not_a_link' | 'foreign_link' | 'lookup_no_match' | 'bad_serial' | 'bad_iin' | 'busy';
  /** The other site a pasted link leads to, for `foreign_link`. */
  host?: string;
  serial?: string;
}) {
  const t = translator(props.lang);
  const notice = {
    not_a_link: t('home.notALink'),
    foreign_link: t('home.foreignLink', { host: props.host ?? '', domain: props.domain }),
    lookup_no_match: t('home.lookupNoMatch'),
    bad_serial: t('home.lookupBadSerial'),
    bad_iin: t('home.lookupBadIin'),
    busy: t('home.busy'),
  };

  return (
    <Layout
      lang={props.lang}
      title={t('labels.title')}
      path={props.path}
      scripts={['/js/front-door.js']}
    >
      <h1>{t('labels.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      {props.notice ? (
        <p class="warning" role="alert">
          {notice[props.notice]}
        </p>
      ) : null}

      <section id="result" class="result" hidden aria-live="polite" tabindex={-1} />

      <p>{t('home.how')}</p>
      <div class="ways">
        <section class="way js-only" id="way-scan" hidden>
          <h2>{t('home.scanTitle')}</h2>
          <p class="hint">{t('home.scanHint')}</p>
          <button type="button" id="scan-start">
            {t('home.scanStart')}
          </button>
          <button type="button" id="scan-stop" class="secondary" hidden>
            {t('home.scanStop')}
          </button>
          <video id="scan-video" muted playsinline hidden />
          <p id="scan-message" class="hint" role="status" />
        </section>

        <section class="way js-only" id="way-upload" hidden>
          <h2>{t('home.uploadTitle')}</h2>
          <label for="upload">{t('home.uploadLabel')}</label>
          <input id="upload" type="file" accept="image/*,application/pdf,.pdf" />
          <p id="upload-message" class="hint" role="status" />
        </section>

        <section class="way" id="way-paste">
          <h2>{t('home.pasteTitle')}</h2>
          <form method="get" action="/verify" id="paste-form">
            <label for="code">{t('home.pasteLabel')}</label>
            <input id="code" name="code" type="text" inputmode="url" autocomplete="off" required />
            <button type="submit">{t('home.pasteButton')}</button>
          </form>
        </section>

        <section class="way" id="way-lookup">
          <h2>{t('home.lookupTitle')}</h2>
          <form method="post" action="/lookup" id="lookup-form">
            <label for="serial">{t('home.lookupSerial')}</label>
            <input
              id="serial"
              name="serial"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              aria-describedby="serial-hint serial-error"
              value={props.serial ?? ''}
              required
            />
            <p id="serial-hint" class="hint">
              {t('home.lookupSerialHint')}
            </p>
            <p id="serial-error" class="field-error" />
            <label for="iin">{t('home.lookupIin')}</label>
            <input
              id="iin"
              name="iin"
              type="text"
              inputmode="numeric"
              autocomplete="off"
              pattern="[0-9]{12}"
              maxlength={12}
              aria-describedby="iin-hint iin-error"
              required
            />
            <p id="iin-hint" class="hint">
              {t('home.lookupIinHint')}
            </p>
            <p id="iin-error" class="field-error" />
            <button type="submit">{t('home.lookupButton')}</button>
          </form>
        </section>
      </div>
      <noscript>
        <p class="hint">{t('home.needsJs')}</p>
      </noscript>
      <Quishing t={t} domain={props.domain} />
    </Layout>
  );
}
