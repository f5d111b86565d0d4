import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { animatedGif, gifJsPolyglot, html, pdf, redBluePng, svg } from '@/tests/support/images';
import { sniffImage, trailingBytes } from './sniff';

describe('sniffImage', () => {
  it('detects the four formats from their bytes', async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: '#123456' } });
    expect(sniffImage(await base.clone().jpeg().toBuffer())).toEqual({ kind: 'image', mediaType: 'image/jpeg' });
    expect(sniffImage(await redBluePng(6, 4))).toEqual({ kind: 'image', mediaType: 'image/png' });
    expect(sniffImage(await animatedGif())).toEqual({ kind: 'image', mediaType: 'image/gif' });
    expect(sniffImage(await base.clone().webp().toBuffer())).toEqual({ kind: 'image', mediaType: 'image/webp' });
  });

  it('names what is not an image', () => {
    expect(sniffImage(pdf())).toEqual({ kind: 'other', label: 'a PDF document' });
    expect(sniffImage(html())).toEqual({ kind: 'other', label: 'an HTML document' });
    expect(sniffImage(svg())).toEqual({ kind: 'other', label: 'an SVG document' });
    expect(sniffImage(Buffer.alloc(0))).toEqual({ kind: 'other', label: 'an empty file' });
    expect(sniffImage(Buffer.from('BM\0\0'))).toEqual({ kind: 'other', label: 'a BMP image' });
    expect(sniffImage(Buffer.from('just text'))).toMatchObject({ kind: 'other' });
  });
});

describe('trailingBytes', () => {
  it('is zero for well-formed files', async () => {
    expect(trailingBytes(await redBluePng(6, 4), 'image/png')).toBe(0);
    expect(trailingBytes(await animatedGif(), 'image/gif')).toBe(0);
    const webp = await sharp({ create: { width: 5, height: 3, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer();
    expect(trailingBytes(webp, 'image/webp')).toBe(0);
  });

  it('counts what follows the end of the image (polyglots)', async () => {
    const png = await redBluePng(6, 4);
    expect(trailingBytes(Buffer.concat([png, Buffer.from('PK\x03\x04zip')]), 'image/png')).toBe(7);
    expect(trailingBytes(await gifJsPolyglot(), 'image/gif')).toBeGreaterThan(0);
    const webp = await sharp({ create: { width: 5, height: 3, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer();
    expect(trailingBytes(Buffer.concat([webp, Buffer.from('<script>')]), 'image/webp')).toBe(8);
  });
});
