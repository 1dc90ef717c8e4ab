import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type CertificateFonts, certificateFonts } from './fonts.js';

/**
 * PT Sans was drawn for the languages of Russia and its neighbours and covers every Kazakh letter
 * in both faces; the package ships plain TTF files, which both satori and the PDF embedder read.
 */
const PACKAGE = '@expo-google-fonts/pt-sans';

/** Reads the certificate fonts from node_modules. Node only: a Worker passes its own bytes. */
export async function loadNodeFonts(): Promise<CertificateFonts> {
  const require = createRequire(import.meta.url);

  const [regular, bold] = await Promise.all([
    readFile(require.resolve(`${PACKAGE}/400Regular/PTSans_400Regular.ttf`)),
    readFile(require.resolve(`${PACKAGE}/700Bold/PTSans_700Bold.ttf`)),
  ]);

  return certificateFonts(new Uint8Array(regular), new Uint8Array(bold));
}
