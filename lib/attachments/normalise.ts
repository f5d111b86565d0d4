import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { AppError, type Surface } from '@/lib/errors';
import { type ImageMediaType, sniffImage, trailingBytes } from './sniff';

export interface NormalisedImage {
  bytes: Buffer;
  mediaType: ImageMediaType;
  width: number;
  height: number;
  sha256: string;
  /** An animated GIF/WebP: only its first frame was kept. */
  animated: boolean;
}

/**
 * Decides whether bytes are an image we accept and returns them re-encoded: the type sniffed from
 * the bytes, the pixel count read from the header before anything is decoded, then one decode
 * (auto-oriented, first frame only) re-encoded in the same format, which drops EXIF, GPS, XMP,
 * comments and anything appended to the file (polyglot payloads).
 *
 * Animated GIF/WebP: the first frame is kept and `animated` is reported, because the model looks
 * at a single picture anyway and a frame count multiplies decoding memory.
 */
export async function normaliseImage(
  input: Uint8Array,
  limits: { maxPixels: number },
  surface: Surface = 'attachment',
  declared: { mediaType?: string; filename?: string } = {},
): Promise<NormalisedImage> {
  if (input.byteLength === 0) throw new AppError(`bad_request:${surface}`, { message: 'The file is empty (0 bytes).' });
  const sniffed = sniffImage(input);
  if (sniffed.kind !== 'image') {
    throw new AppError(`unsupported_media_type:${surface}`, {
      message: `The file is ${sniffed.label}; only JPEG, PNG, GIF and WebP images are accepted.`,
      details: { detected: sniffed.label },
    });
  }

  assertDeclaredMatches(sniffed.mediaType, declared, surface);
  const trailing = trailingBytes(input, sniffed.mediaType);
  if (trailing > 0) {
    throw new AppError(`bad_request:${surface}`, {
      message: `The file has ${trailing} bytes of other data after the end of the ${names[sniffed.mediaType]} image. Files that are an image and something else at once are refused.`,
      details: { trailingBytes: trailing },
    });
  }

  const header = await sharp(input, { limitInputPixels: false })
    .metadata()
    .catch((error: unknown) => {
      throw undecodable(surface, error);
    });
  const width = header.width ?? 0;
  const height = header.pageHeight ?? header.height ?? 0;
  if (width === 0 || height === 0) throw undecodable(surface, 'no dimensions');
  if (width * height > limits.maxPixels) {
    throw new AppError(`payload_too_large:${surface}`, {
      message: `The image is ${width} × ${height} pixels; the limit is ${limits.maxPixels.toLocaleString('en-US')} pixels (width × height).`,
      details: { width, height, maxPixels: limits.maxPixels },
    });
  }
  if (header.format !== formatOf(sniffed.mediaType)) throw undecodable(surface, `sharp saw ${header.format}`);

  const animated = (header.pages ?? 1) > 1;
  const pipeline = sharp(input, { limitInputPixels: limits.maxPixels, pages: 1, failOn: 'truncated' }).rotate();
  const encoded = await encode(pipeline, sniffed.mediaType)
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw undecodable(surface, error);
    });
  return {
    bytes: encoded.data,
    mediaType: sniffed.mediaType,
    width: encoded.info.width,
    height: encoded.info.height,
    sha256: createHash('sha256').update(encoded.data).digest('hex'),
    animated,
  };
}

const names: Record<ImageMediaType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
};
const extensions: Record<string, ImageMediaType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * A file whose name or declared type says one format while its bytes are another (a PNG renamed
 * .jpg, a GIF sent as image/png) is refused: content-type confusion is how polyglots get through
 * other systems, and the user is better told than silently "corrected". Undeclared
 * (`application/octet-stream`, no name) is fine: the bytes decide.
 */
function assertDeclaredMatches(
  actual: ImageMediaType,
  declared: { mediaType?: string; filename?: string },
  surface: Surface,
): void {
  const extension = declared.filename?.includes('.') ? declared.filename.split('.').pop()?.toLowerCase() : undefined;
  const byName = extension ? extensions[extension] : undefined;
  const byType = declared.mediaType === 'image/jpg' ? 'image/jpeg' : declared.mediaType;
  const claimed = [byType, byName].find((type) => type !== undefined && type !== actual);
  if (!claimed) return;
  const what = claimed === byName ? `named .${extension}` : `declared as ${byType}`;
  throw new AppError(`unsupported_media_type:${surface}`, {
    message: `The file is a ${names[actual]} image but is ${what}. Send it with its real type (rename it to .${actual.slice(6).replace('jpeg', 'jpg')}).`,
    details: { detected: actual, declared: claimed },
  });
}

function formatOf(mediaType: ImageMediaType): string {
  return mediaType.slice('image/'.length);
}

function encode(pipeline: Sharp, mediaType: ImageMediaType): Sharp {
  switch (mediaType) {
    case 'image/jpeg':
      return pipeline.jpeg({ quality: 90 });
    case 'image/png':
      return pipeline.png();
    case 'image/gif':
      return pipeline.gif();
    case 'image/webp':
      return pipeline.webp({ quality: 90 });
  }
}

function undecodable(surface: Surface, cause: unknown): AppError {
  return new AppError(`bad_request:${surface}`, {
    message: 'The image could not be decoded: the file is truncated or damaged.',
    internalDetail: cause instanceof Error ? cause.message : String(cause),
  });
}
