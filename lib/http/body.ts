import { env } from '@/lib/env';
import { AppError, type Surface } from '@/lib/errors';

/**
 * Reads a JSON body while enforcing the byte limit as the bytes arrive (a declared
 * Content-Length is checked first, but never trusted), so an oversized body never sits in memory.
 */
export async function readJsonBody(
  req: Request,
  maxBytes: number = env.CHAT_MAX_BODY_BYTES,
  surface: Surface = 'api',
): Promise<unknown> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    throw new AppError(`unsupported_media_type:${surface}`, { message: 'Send the body as application/json.' });
  }
  const text = await readBoundedText(req, maxBytes, () => tooLarge(maxBytes, surface));
  if (text.trim() === '') throw new AppError(`bad_request:${surface}`, { message: 'The request body is empty.' });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(`bad_request:${surface}`, { message: 'The request body is not valid JSON.' });
  }
}

function tooLarge(maxBytes: number, surface: Surface) {
  return new AppError(`payload_too_large:${surface}`, {
    message: `The request body is larger than the limit of ${maxBytes} bytes.`,
    details: { maxBytes },
  });
}

/**
 * The body as text, refused as soon as it passes `maxBytes` (a declared Content-Length is checked
 * first but never trusted), so an oversized body never sits in memory.
 */
export async function readBoundedText(req: Request, maxBytes: number, tooLarge: () => Error): Promise<string> {
  return new TextDecoder().decode(await readBoundedBytes(req, maxBytes, tooLarge));
}

/** The body's bytes, with the same bound as `readBoundedText`. */
export async function readBoundedBytes(req: Request, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
