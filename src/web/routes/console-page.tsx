import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ConsolePage } from '../pages/console-page.js';

/** `GET /console`: the provider console's page; its data comes from the officer API. */
export function consolePageRoute() {
  return new Hono<AppEnv>().get('/console', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<ConsolePage lang={c.get('lang')} />);
  });
}
