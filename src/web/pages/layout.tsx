import type { Child } from 'hono/jsx';
import type { Language } from '../i18n/verdict-messages.js';

/** The frame of every server-rendered page: no inline script or style (CSP forbids both). */
export function Layout(props: { lang: Language; title: string; children: Child }) {
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/styles.css" />
      </head>
      <body>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
