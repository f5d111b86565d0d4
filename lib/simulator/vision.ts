import sharp, { type Metadata } from 'sharp';
import { type DominantColour, dominantColours } from './colours';
import type { ImageInfo } from './images';

/**
 * The simulator's eyes: decodes an inline image with sharp and measures what a test (or a person
 * offline) can check — format, size, aspect ratio, transparency, brightness, dominant colours.
 * What it cannot decode, or decodes to a format DeepSeek does not take (an SVG labelled PNG), is
 * refused like the real API refuses a bad image: 400 with an `invalid_request_error` body.
 */

export interface ImageAnalysis {
  format: 'jpeg' | 'png' | 'gif' | 'webp';
  width: number;
  height: number;
  aspectRatio: string;
  transparent: boolean;
  /** mean relative luminance, 0–100 */
  brightness: number;
  colours: DominantColour[];
  animated: boolean;
}

/** Larger images are refused (DeepSeek downscales; the simulator keeps its memory bounded). */
export const maxImagePixels = 50_000_000;
const formats = ['jpeg', 'png', 'gif', 'webp'] as const;

export type AnalysisResult = { ok: true; analysis: ImageAnalysis } | { ok: false; message: string };

export async function analyseImage(image: ImageInfo): Promise<AnalysisResult> {
  if (image.source !== 'inline' || !image.data) return { ok: false, message: 'Invalid image: nothing to decode' };
  const bytes = Buffer.from(image.data, 'base64');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: 'Invalid image: the data could not be decoded as an image' };
  }
  const format = formats.find((name) => name === meta.format);
  if (!format) {
    return { ok: false, message: `Unsupported image format: ${meta.format}. Supported formats: JPEG, PNG, GIF, WebP` };
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width * height > maxImagePixels) {
    return { ok: false, message: `Image is too large: ${width}x${height} pixels exceeds ${maxImagePixels} pixels` };
  }
  try {
    const { data } = await sharp(bytes, { limitInputPixels: maxImagePixels, pages: 1, failOn: 'truncated' })
      .rotate()
      .resize(64, 64, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const [w, h] = (meta.orientation ?? 1) >= 5 ? [height, width] : [width, height];
    return {
      ok: true,
      analysis: {
        format,
        width: w,
        height: h,
        aspectRatio: aspectRatio(w, h),
        transparent: Boolean(meta.hasAlpha) && hasTransparency(pixels),
        brightness: brightness(pixels),
        colours: dominantColours(pixels),
        animated: (meta.pages ?? 1) > 1,
      },
    };
  } catch {
    return { ok: false, message: 'Invalid image: the data could not be decoded as an image' };
  }
}

function hasTransparency(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if ((rgba[i] ?? 255) < 255) return true;
  return false;
}

function brightness(rgba: Uint8Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    sum += 0.2126 * (rgba[i] ?? 0) + 0.7152 * (rgba[i + 1] ?? 0) + 0.0722 * (rgba[i + 2] ?? 0);
    count++;
  }
  return count === 0 ? 0 : Math.round((sum / count / 255) * 100);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function aspectRatio(width: number, height: number): string {
  const divisor = gcd(width, height);
  const w = width / divisor;
  const h = height / divisor;
  if (w <= 32 && h <= 32) return `${w}:${h}`;
  return width >= height ? `${(width / height).toFixed(2)}:1` : `1:${(height / width).toFixed(2)}`;
}
