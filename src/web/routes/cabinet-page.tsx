import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { CabinetPage } from '../pages/cabinet-page.js';

/** `GET /cabinet`: the personal cabinet's page; its data comes from the cabinet API. */
export function cabinetPageRoute() {
  return new Hono<AppEnv>().get('/cabinet', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.html(<CabinetPage lang={c.get('lang')} />);
  });
}
