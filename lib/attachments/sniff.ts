/**
 * The file type from the first bytes, never from the name or the declared type. Only the four
 * formats DeepSeek takes count as images; a few common non-images are named so the refusal says
 * what was sent (an SVG is a document that can carry scripts, not an image we accept).
 */

export const imageMediaTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type ImageMediaType = (typeof imageMediaTypes)[number];

export type Sniffed = { kind: 'image'; mediaType: ImageMediaType } | { kind: 'other'; label: string };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const images: [ImageMediaType, (bytes: Uint8Array) => boolean][] = [
  ['image/jpeg', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['image/png', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/gif', (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))],
  ['image/webp', (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)],
];

const others: [string, (bytes: Uint8Array) => boolean][] = [
  ['a PDF document', (b) => startsWith(b, ascii('%PDF-'))],
  ['a ZIP archive', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
  ['a BMP image', (b) => startsWith(b, ascii('BM'))],
  ['a TIFF image', (b) => startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*'))],
  ['a HEIC/AVIF image', (b) => startsWith(b, ascii('ftyp'), 4)],
];

function textKind(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG document';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<script'))
    return 'an HTML document';
  if (head.startsWith('<')) return 'an XML or HTML document';
  return undefined;
}

export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'other', label: 'an empty file' };
  for (const [mediaType, test] of images) if (test(bytes)) return { kind: 'image', mediaType };
  for (const [label, test] of others) if (test(bytes)) return { kind: 'other', label };
  return { kind: 'other', label: textKind(bytes) ?? 'not a JPEG, PNG, GIF or WebP image' };
}

export function isImageMediaType(value: string): value is ImageMediaType {
  return (imageMediaTypes as readonly string[]).includes(value);
}

/**
 * Bytes after the end of the image, for the formats whose container says where the image ends
 * (PNG's IEND chunk, GIF's trailer byte, WebP's RIFF size); 0 when there are none or the file is cut
 * short (decoding reports that). A file that is an image *and* something else (a GIF/JS or PNG/ZIP
 * polyglot) has them. JPEG is left to re-encoding: phones legitimately append data after EOI.
 */
export function trailingBytes(bytes: Uint8Array, mediaType: ImageMediaType): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (mediaType) {
    case 'image/png': {
      let offset = 8;
      while (offset + 12 <= bytes.length) {
        const length = view.getUint32(offset);
        const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
        offset += length + 12;
        if (type === 'IEND') return Math.max(0, bytes.length - offset);
      }
      return 0;
    }
    case 'image/gif': {
      // The trailer 0x3B is the last byte of a well-formed GIF.
      let end = bytes.length;
      while (end > 0 && bytes[end - 1] !== 0x3b) end--;
      return end === 0 ? 0 : bytes.length - end;
    }
    case 'image/webp': {
      if (bytes.length < 12) return 0;
      const size = view.getUint32(4, true) + 8;
      return Math.max(0, bytes.length - (size + (size % 2)));
    }
    case 'image/jpeg':
      return 0;
  }
}
