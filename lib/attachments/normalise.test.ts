import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  animatedGif,
  gifJsPolyglot,
  html,
  hugePng,
  jpegWithGps,
  pdf,
  redBluePng,
  svg,
  truncatedJpeg,
} from '@/tests/support/images';
import { normaliseImage } from './normalise';

const limits = { maxPixels: 25_000_000 };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('normaliseImage', () => {
  it('keeps a good PNG as a PNG with its dimensions and a sha256 of the stored bytes', async () => {
    const image = await normaliseImage(await redBluePng(300, 200), limits);
    expect(image).toMatchObject({ mediaType: 'image/png', width: 300, height: 200, animated: false });
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await sharp(image.bytes).metadata()).format).toBe('png');
  });

  it('strips EXIF and GPS by re-encoding, after turning the picture upright', async () => {
    const original = await jpegWithGps();
    expect(original.includes(Buffer.from('Secret Owner'))).toBe(true);
    const image = await normaliseImage(original, limits);
    expect(image.bytes.includes(Buffer.from('Secret Owner'))).toBe(false);
    expect(image.bytes.includes(Buffer.from('Exif'))).toBe(false);
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    // Orientation 6 (rotate 90°): the stored image is upright, 80 × 120.
    expect([image.width, image.height]).toEqual([80, 120]);
  });

  it('keeps the first frame of an animated GIF and says so', async () => {
    const image = await normaliseImage(await animatedGif(), limits);
    expect(image).toMatchObject({ mediaType: 'image/gif', width: 16, height: 16, animated: true });
    expect((await sharp(image.bytes).metadata()).pages ?? 1).toBe(1);
  });

  it('refuses a PNG renamed .jpg or declared as image/jpeg, naming both types', async () => {
    const png = await redBluePng(10, 10);
    const renamed = await refusal(normaliseImage(png, limits, 'attachment', { filename: 'holiday.jpg' }));
    expect(renamed.status).toBe(415);
    expect(renamed.message).toContain('PNG image but is named .jpg');
    const declared = await refusal(normaliseImage(png, limits, 'attachment', { mediaType: 'image/jpeg' }));
    expect(declared.message).toContain('declared as image/jpeg');
  });

  it.each([
    ['a PDF declared image/png', pdf(), 'a PDF document'],
    ['an HTML page declared image/png', html(), 'an HTML document'],
    ['an SVG with a script', svg(), 'an SVG document'],
  ])('refuses %s with 415 naming what it is', async (_name, bytes, label) => {
    const error = await refusal(normaliseImage(bytes, limits, 'attachment', { mediaType: 'image/png' }));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported_media_type:attachment');
    expect(error.message).toContain(label);
  });

  it('refuses a GIF/JS polyglot for the data after its end', async () => {
    const error = await refusal(normaliseImage(await gifJsPolyglot(), limits));
    expect(error.status).toBe(400);
    expect(error.message).toContain('after the end of the GIF image');
  });

  it('refuses a truncated JPEG and an empty file', async () => {
    const truncated = await refusal(normaliseImage(await truncatedJpeg(), limits));
    expect(truncated).toMatchObject({ status: 400, message: expect.stringContaining('truncated or damaged') });
    const empty = await refusal(normaliseImage(Buffer.alloc(0), limits));
    expect(empty).toMatchObject({ status: 400, message: 'The file is empty (0 bytes).' });
  });

  it('refuses a small PNG that decodes to 30,000 × 30,000 pixels from its header', async () => {
    const bomb = hugePng();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(normaliseImage(bomb, limits));
    expect(error.status).toBe(413);
    expect(error.message).toContain('30000 × 30000 pixels');
    expect(error.details).toEqual({ width: 30_000, height: 30_000, maxPixels: 25_000_000 });
  });
});
