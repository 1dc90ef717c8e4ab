/**
 * poppler-utils beside pdf-lib, for the tests: the text layer as pdftotext reads it and attached
 * files as pdfdetach extracts them, neither of which shares code with our PDF writer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function inTempDir<T>(pdf: Uint8Array, run: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return run(path, dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('poppler-utils not found: apt-get install -y poppler-utils');
    }
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text layer in reading order, as `pdftotext` extracts it. */
export function pdfText(pdf: Uint8Array): string {
  return inTempDir(pdf, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
}

/** The names of the attached files, as `pdfdetach -list` prints them. */
export function attachedNames(pdf: Uint8Array): string[] {
  const listing = inTempDir(pdf, (path) =>
    execFileSync('pdfdetach', ['-list', '-enc', 'UTF-8', path], { encoding: 'utf8' }),
  );
  return [...listing.matchAll(/^\d+: (.+)$/gm)].map((match) => match[1] as string);
}

/**
 * The attached file `name`, as `pdfdetach -save <n>` writes it. By number from the listing:
 * poppler 22's `-savefile` refuses names that pdf-lib writes as UTF-16 strings.
 */
export function detach(pdf: Uint8Array, name: string): Buffer {
  const number = attachedNames(pdf).indexOf(name) + 1;
  if (number === 0) throw new Error(`pdfdetach lists no attachment ${name}`);

  return inTempDir(pdf, (path, dir) => {
    const out = join(dir, 'detached');
    execFileSync('pdfdetach', ['-save', String(number), '-o', out, path]);
    return readFileSync(out);
  });
}

/** The first page as a JPEG photo at 120 dpi, as `pdftoppm -jpeg` renders it. */
export function jpegOf(pdf: Uint8Array): Uint8Array {
  return inTempDir(pdf, (path, dir) => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', ['-jpeg', '-r', '120', '-singlefile', path, out]);
    return new Uint8Array(readFileSync(`${out}.jpg`));
  });
}
