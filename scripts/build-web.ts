/**
 * Builds the browser modules of the pages (src/browser/*.ts) into public/js/, and copies the
 * PDF renderer the front page loads on demand into public/vendor/. Runs before `npm start` and
 * `npm test`, so a fresh clone needs nothing else. Everything is served from this origin: no CDN.
 */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const ENTRIES = ['mistake', 'print', 'front-door', 'cabinet', 'console'];
const root = join(import.meta.dirname, '..');

async function main() {
  const started = Date.now();
  const present = new Set(await readdir(join(root, 'src/browser')));
  const entryPoints = ENTRIES.filter((name) => present.has(`${name}.ts`)).map((name) =>
    join(root, 'src/browser', `${name}.ts`),
  );

  await build({
    entryPoints,
    outdir: join(root, 'public/js'),
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });

  // The service worker must sit at the root to serve `/`; it imports nothing.
  await build({
    entryPoints: [join(root, 'src/browser/sw.ts')],
    outfile: join(root, 'public/sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });

  // pdf.js renders the first page of an uploaded PDF when the server cannot read it.
  const vendor = join(root, 'public/vendor/pdfjs');
  await mkdir(vendor, { recursive: true });
  for (const file of ['pdf.min.mjs', 'pdf.worker.min.mjs']) {
    await copyFile(join(root, 'node_modules/pdfjs-dist/build', file), join(vendor, file));
  }
  console.log(`browser modules built in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error('build-web failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
