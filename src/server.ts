import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { localDay } from './domain/calendar.js';
import { demoPersonas } from './gateway/fixture-data.js';
import { bootNode } from './node/boot.js';
import { answerClientErrors } from './node/client-errors.js';
import { writeDemoEdsKeyFiles } from './node/demo-eds-files.js';
import { returningApplicantLines, welcomeLines } from './node/welcome-banner.js';

/** `npm start`: the registry on Node, with the embedded database unless DATABASE_URL is set. */
async function main() {
  const config = loadConfig(process.env);
  const booted = await bootNode({ config });
  const edsKeys =
    config.demo && !config.gateway
      ? await writeDemoEdsKeyFiles(config.dataDir, demoPersonas(localDay(new Date())))
      : undefined;

  // Demo links as the QR codes hold them (upper case, `/V/`), so the two can be compared.
  const linkOf = (token: string) => booted.services.documents.verifyUrl(token);
  const server = serve({ fetch: booted.app.fetch, port: config.port }, () => {
    const welcome = welcomeLines({
      publicUrl: config.publicUrl,
      demo: config.demo,
      database: booted.database.kind,
      demoLinks: booted.demoCertificates.map((c) => ({ ...c, url: linkOf(c.token) })),
    });
    console.log(welcome.join('\n'));
    if (edsKeys) console.log(`EDS key files for demo sign-in: ${edsKeys} (README, "Citizens")`);
    if (config.demo) {
      console.log(
        `Demo applicants, one per outcome: ${config.publicUrl}/api/v1/dev/personas ` +
          '(README, "Applications")',
      );
    }
    if (config.demo && !config.gateway) {
      const token = booted.returningApplicantToken;
      const lines = returningApplicantLines(config.publicUrl, token && linkOf(token));
      console.log(lines.join('\n'));
    }
  });
  answerClientErrors(server, booted.services);

  const stop = async () => {
    server.close();
    await booted.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
