import { CATALOG, type Language } from '../i18n/verdict-messages.js';
import { Layout } from './layout.js';

const INTRO: Record<Language, { lead: string; label: string; button: string }> = {
  kk: {
    lead: 'Қорғаншылық және қамқоршылық туралы анықтамалардың мемлекеттік тізілімі.',
    label: 'QR-кодтағы сілтемені қойыңыз',
    button: 'Тексеру',
  },
  ru: {
    lead: 'Государственный реестр справок об опеке и попечительстве.',
    label: 'Вставьте ссылку из QR-кода',
    button: 'Проверить',
  },
  en: {
    lead: 'The public registry of certificates of guardianship and trusteeship.',
    label: 'Paste the link from the QR code',
    button: 'Verify',
  },
};

/** The front door: paste a link from a QR code. Scanning and upload come with the web pages. */
export function HomePage(props: { lang: Language }) {
  const t = CATALOG[props.lang];
  const intro = INTRO[props.lang];

  return (
    <Layout lang={props.lang} title={t.labels.title}>
      <h1>{t.labels.title}</h1>
      <p>{intro.lead}</p>
      <form method="get" action="/verify">
        <label for="code">{intro.label}</label>
        <input id="code" name="code" type="text" inputmode="url" autocomplete="off" required />
        <button type="submit">{intro.button}</button>
      </form>
      <p class="warning">{t.labels.quishing}</p>
    </Layout>
  );
}
