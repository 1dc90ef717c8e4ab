/**
 * Files attached to a PDF (ISO 32000-1 §7.11.4, embedded file streams in the catalog's
 * `EmbeddedFiles` name tree): written with pdf-lib, and read back by walking the name tree, which
 * pdf-lib has no reader for. Portable: pdf-lib is plain JavaScript, so this runs on Workers too.
 */

import {
  AFRelationship,
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';

/**
 * Attaches `bytes` as the JSON file `name`, marked as the data the page shows (PDF/A-3's
 * `AFRelationship /Data`), so readers list it beside the document.
 */
export async function attachFile(
  doc: PDFDocument,
  name: string,
  bytes: Uint8Array,
  options: { description: string; date: Date },
): Promise<void> {
  await doc.attach(bytes, name, {
    mimeType: 'application/json',
    description: options.description,
    creationDate: options.date,
    modificationDate: options.date,
    afRelationship: AFRelationship.Data,
  });
}

export type AttachmentResult =
  | { ok: true; bytes: Uint8Array }
  // `pdf_unreadable`: not a PDF pdf-lib can open; `attachment_missing`: no file of that name;
  // `attachment_too_large`: it decodes to more than the limit.
  | { ok: false; code: 'pdf_unreadable' | 'attachment_missing' | 'attachment_too_large' };

/** Name trees deeper than this are refused: ours has one level, real ones a few. */
const MAX_TREE_DEPTH = 8;

/**
 * The attached file `name` of the PDF `pdf`, decoded, at most `maxBytes` long. Never throws on
 * bad input. Decoding stops after `maxBytes + 1` bytes, so a compressed bomb costs no more.
 */
export async function readAttachment(
  pdf: Uint8Array,
  name: string,
  maxBytes: number,
): Promise<AttachmentResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    return { ok: false, code: 'pdf_unreadable' };
  }

  try {
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    const spec = tree && findInNameTree(tree, name, 0);
    const files = spec instanceof PDFDict ? spec.lookupMaybe(PDFName.of('EF'), PDFDict) : undefined;
    const stream = files?.lookup(PDFName.of('F'));
    if (!(stream instanceof PDFRawStream)) return { ok: false, code: 'attachment_missing' };

    const bytes = decodePDFRawStream(stream).getBytes(maxBytes + 1);
    if (bytes.length > maxBytes) return { ok: false, code: 'attachment_too_large' };
    return { ok: true, bytes: Uint8Array.from(bytes) };
  } catch {
    // A damaged stream or a filter pdf-lib cannot decode: the file is not there to read.
    return { ok: false, code: 'pdf_unreadable' };
  }
}

/** The value under `key` in a name tree (§7.9.6): `Names` pairs at the leaves, `Kids` above. */
function findInNameTree(node: PDFDict, key: string, depth: number): PDFObject | undefined {
  if (depth > MAX_TREE_DEPTH) return undefined;

  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const entry = names.lookup(i);
      const text = entry instanceof PDFString || entry instanceof PDFHexString ? entry : null;
      if (text?.decodeText() === key) return names.lookup(i + 1);
    }
  }

  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const kid = kids?.lookup(i);
    const found = kid instanceof PDFDict ? findInNameTree(kid, key, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}
