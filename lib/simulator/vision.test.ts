import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { colourName, dominantColours, toHex } from './colours';
import { languageOf } from './generate';
import { analyseImage, aspectRatio } from './vision';

const inline = (bytes: Buffer, mediaType = 'image/png') => ({
  source: 'inline' as const,
  mediaType,
  bytes: bytes.length,
  data: bytes.toString('base64'),
});

/** Left two thirds red, right third blue, 300 × 200. */
async function twoColours(): Promise<Buffer> {
  const red = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#e01010' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 300, height: 200, channels: 3, background: '#1040e0' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

describe('colour naming', () => {
  it('names the nearest palette colour in English and Chinese', () => {
    expect(colourName([250, 10, 10])).toBe('red');
    expect(colourName([250, 10, 10], 'zh')).toBe('红色');
    expect(colourName([20, 60, 230])).toBe('blue');
    expect(colourName([255, 255, 250])).toBe('white');
    expect(colourName([5, 5, 5], 'zh')).toBe('黑色');
    expect(colourName([40, 170, 60])).toBe('green');
    expect(toHex([255, 128, 0])).toBe('#ff8000');
  });

  it('ranks dominant colours by share and ignores transparent pixels', () => {
    const pixels = new Uint8Array([
      ...[255, 0, 0, 255],
      ...[250, 5, 5, 255],
      ...[0, 0, 255, 255],
      ...[0, 255, 0, 0], // transparent: not counted
    ]);
    const colours = dominantColours(pixels);
    expect(colours.map((c) => colourName(c.rgb))).toEqual(['red', 'blue']);
    expect(colours[0]?.share).toBeCloseTo(2 / 3);
  });
});

describe('analyseImage', () => {
  it('reports format, dimensions, aspect ratio and dominant colours of a real PNG', async () => {
    const result = await analyseImage(inline(await twoColours()));
    if (!result.ok) throw new Error(result.message);
    expect(result.analysis).toMatchObject({
      format: 'png',
      width: 300,
      height: 200,
      aspectRatio: '3:2',
      transparent: false,
    });
    expect(result.analysis.colours.map((c) => colourName(c.rgb))).toEqual(['red', 'blue']);
    expect(result.analysis.colours[0]?.share).toBeCloseTo(2 / 3, 1);
  });

  it('sees transparency and brightness', async () => {
    const clear = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0.2 } },
    })
      .png()
      .toBuffer();
    const white = await analyseImage(inline(clear));
    expect(white.ok && white.analysis.transparent).toBe(true);
    const black = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const dark = await analyseImage(inline(black, 'image/jpeg'));
    expect(dark.ok && dark.analysis).toMatchObject({ format: 'jpeg', brightness: 0, transparent: false });
  });

  it('refuses what does not decode', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const result = await analyseImage(inline(jpeg.subarray(0, 20), 'image/jpeg'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('could not be decoded') });
  });

  it('writes ratios people read', () => {
    expect(aspectRatio(1920, 1080)).toBe('16:9');
    expect(aspectRatio(1000, 1000)).toBe('1:1');
    expect(aspectRatio(1001, 500)).toBe('2.00:1');
  });

  it('answers in Chinese when the question is Chinese', () => {
    expect(languageOf('这张图片是什么？')).toBe('zh');
    expect(languageOf('What is this?')).toBe('en');
  });
});
