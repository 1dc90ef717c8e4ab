import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { ServicePage } from '../pages/service-page.js';
import type { AppServices } from '../services.js';

/** `GET /service`: the public page of the service, counting its visitors without cookies. */
export function servicePageRoute(services: AppServices) {
  const visitors = services.publicPages.serviceVisitors;

  return new Hono<AppEnv>().get('/service', async (c) => {
    await visitors.visit(`${c.get('clientAddress')}\u0000${c.req.header('user-agent') ?? ''}`);
    const counts = await visitors.counts().catch(() => ({ thisMonth: 0, yesterday: 0, online: 0 }));

    c.header('Cache-Control', 'no-store');
    const print = c.req.query('print') === '1';
    return c.html(<ServicePage lang={c.get('lang')} counts={counts} print={print} />);
  });
}
