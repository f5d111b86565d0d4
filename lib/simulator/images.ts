/**
 * What the simulator learns about an image part without a network: the declared media type and
 * the decoded size of an inline data URL. Remote URLs are never fetched (no SSRF from a test
 * double); decoding pixels is vision.ts's job.
 */

import type { ImageAnalysis } from './vision';

export interface ImageInfo {
  source: 'inline' | 'remote';
  /** Declared media type (inline only). */
  mediaType?: string;
  /** Decoded byte size (inline only). */
  bytes?: number;
  /** Base64 payload (inline only). */
  data?: string;
  /** The URL (remote only). */
  url?: string;
  /** What decoding the image showed (inline only; filled in by `analyseImage`). */
  analysis?: ImageAnalysis;
}

export const supportedImageTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
/** DeepSeek's per-image limit for images referenced in chat. */
export const maxImageBytes = 32 * 1024 * 1024;

const dataUrl = /^data:([\w.+-]+\/[\w.+-]+)((?:;[\w.+-]+=[\w.+-]+)*);base64,/i;
const base64Body = /^[A-Za-z0-9+/]*={0,2}$/;

export type ImageResult = { ok: true; image: ImageInfo } | { ok: false; message: string };

export function readImageUrl(url: string): ImageResult {
  if (/^https?:\/\//i.test(url)) {
    if (url.length > 8192) return { ok: false, message: 'Image URL is longer than 8192 characters' };
    return { ok: true, image: { source: 'remote', url } };
  }
  const header = dataUrl.exec(url);
  if (!header) return { ok: false, message: 'Invalid image url: expected a base64 data URL or an http(s) URL' };
  const mediaType = (header[1] ?? '').toLowerCase();
  if (!(supportedImageTypes as readonly string[]).includes(mediaType)) {
    return { ok: false, message: `Unsupported image format: ${mediaType}. Supported formats: JPEG, PNG, GIF, WebP` };
  }
  const data = url.slice(header[0].length);
  if (data.length === 0 || data.length % 4 !== 0 || !base64Body.test(data)) {
    return { ok: false, message: 'Invalid image: the data URL is not valid base64' };
  }
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const bytes = (data.length / 4) * 3 - padding;
  if (bytes > maxImageBytes) return { ok: false, message: 'Image is larger than 32 MiB' };
  return { ok: true, image: { source: 'inline', mediaType, bytes, data } };
}
