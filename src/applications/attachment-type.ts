/**
 * What an attached copy of a birth certificate really is, read from its first bytes. The name
 * and the declared Content-Type of an upload are the sender's claims; the magic bytes are not.
 */

/** The service standard takes a copy as PDF, JPEG or PNG of at most 5 MB. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** File name extension for each accepted type, for downloads. */
export const ATTACHMENT_EXTENSION: Record<AttachmentMediaType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

const SIGNATURES: [AttachmentMediaType, number[]][] = [
  // ISO 32000-1 §7.5.2: the header line opens with "%PDF-".
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // PNG §5.2: the eight-byte signature.
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // JPEG (ITU T.81): SOI marker FFD8 followed by the next marker's FF.
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** The media type the content shows, or `undefined` when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentMediaType | undefined {
  for (const [type, magic] of SIGNATURES) {
    if (bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)) return type;
  }
  return undefined;
}
