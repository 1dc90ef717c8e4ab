import { CATALOG, type Language } from '../i18n/verdict-messages.js';
import { Layout } from './layout.js';

const INTRO: Record<Language, { lead: string; label: string; button: string; notALink: string }> = {
  kk: {
    notALink:
      'Бұл QR-кодтағы сілтеме емес. ' +
      'QR-кодты сканерлеңіз немесе оның астындағы толық сілтемені қойыңыз.',
    lead: 'Қорғаншылық және қамқоршылық туралы анықтамалардың мемлекеттік тізілімі.',
    label: 'QR-кодтағы сілтемені қойыңыз',
    button: 'Тексеру',
  },
  ru: {
    notALink: 'Это не ссылка из QR-кода. Отсканируйте QR-код или вставьте полную ссылку из него.',
    lead: 'Государственный реестр справок об опеке и попечительстве.',
    label: 'Вставьте ссылку из QR-кода',
    button: 'Проверить',
  },
  en: {
    notALink: 'This is not the link from a QR code. Scan the QR code or paste its full link.',
    lead: 'The public registry of certificates of guardianship and trusteeship.',
    label: 'Paste the link from the QR code',
    button: 'Verify',
  },
};

/** The front door: paste a link from a QR code. Scanning and upload come with the web pages. */
export function HomePage(props: { lang: Language; notice?: 'not_a_link' }) {
  const t = CATALOG[props.lang];
  const intro = INTRO[props.lang];

  return (
    <Layout lang={props.lang} title={t.labels.title}>
      <h1>{t.labels.title}</h1>
      <p>{intro.lead}</p>
      {props.notice ? (
        <p class="warning" role="alert">
          {intro.notALink}
        </p>
      ) : null}
      <form method="get" action="/verify">
        <input type="hidden" name="lang" value={props.lang} />
        <label for="code">{intro.label}</label>
        <input id="code" name="code" type="text" inputmode="url" autocomplete="off" required />
        <button type="submit">{intro.button}</button>
      </form>
      <p class="warning">{t.labels.quishing}</p>
    </Layout>
  );
}
