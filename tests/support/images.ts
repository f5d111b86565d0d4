import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Real, crafted image files for the attachment and vision tests, generated on the fly (nothing
 * binary is checked in). Each one is what the issue names: good images with metadata, and every
 * kind of bad input.
 */

export const solid = (width: number, height: number, background: string) =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

/** Left two thirds red (#e01010), right third blue (#1040e0). */
export async function redBluePng(width = 300, height = 200): Promise<Buffer> {
  const red = await solid(Math.round((width * 2) / 3), height, '#e01010');
  return sharp({ create: { width, height, channels: 3, background: '#1040e0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF with a camera owner and GPS coordinates, rotated by its orientation tag. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 80, channels: 3, background: '#20a040' } })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Secret Owner', Artist: 'Secret Owner' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2954/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 17/1 4020/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Two frames, red then blue. */
export async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all([solid(16, 16, '#ff0000'), solid(16, 16, '#0000ff')]);
  return sharp(frames, { join: { animated: true } })
    .gif({ delay: [100, 100], loop: 0 })
    .toBuffer();
}

/** A JPEG cut off halfway through its scan data. */
export async function truncatedJpeg(): Promise<Buffer> {
  const noise = Buffer.alloc(128 * 128 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  const jpeg = await sharp(noise, { raw: { width: 128, height: 128, channels: 3 } })
    .jpeg()
    .toBuffer();
  return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
}

export const pdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const html = () =>
  Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const svg = () =>
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
  );

/**
 * A GIF that is also JavaScript: the header's screen width bytes become `/*`, the rest of the file
 * sits inside the comment, and `*\/=alert(1)//` follows the trailer. Browsers that sniffed it as a
 * script would run it.
 */
export async function gifJsPolyglot(): Promise<Buffer> {
  const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ff0000' } })
    .gif()
    .toBuffer();
  const body = Buffer.from(gif);
  body.write('/*', 6, 'latin1');
  return Buffer.concat([body, Buffer.from('*/=alert(document.domain);//', 'latin1')]);
}

/**
 * A valid PNG of `width` × `height` 1-bit pixels, all black: a few hundred kilobytes that decode
 * to `width × height` pixels (30,000 × 30,000 = 900 million).
 */
export function hugePng(width = 30_000, height = 30_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const row = Math.ceil(width / 8) + 1;
  const idat = deflateSync(Buffer.alloc(row * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A 50 MB body that starts like a PNG, produced chunk by chunk (never whole in memory); `pulled()`
 * tells how many bytes the server asked for before it gave up.
 */
export function endlessPngStream(totalBytes = 50 * 1024 * 1024, chunkBytes = 256 * 1024) {
  let sent = 0;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const chunk = Buffer.alloc(Math.min(chunkBytes, totalBytes - sent));
      if (sent === 0) signature.copy(chunk);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}
