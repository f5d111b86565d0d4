import 'server-only';
import { AppError, type Surface } from '@/lib/errors';
import { readBoundedBytes } from '@/lib/http/body';

export interface ImageUpload {
  bytes: Buffer;
  /** The name the browser gave the file, if any (display only). */
  filename?: string;
  /** The type the client declared (Content-Type or the part's type), if it named an image type. */
  declaredType?: string;
  /** Multipart `question` field, or the `question` query parameter. */
  question?: string;
}

const declaredImageType = (type: string | null | undefined) => {
  const clean = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return clean.startsWith('image/') ? clean : undefined;
};

/** Room for multipart boundaries, part headers and a question beside the image. */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_QUESTION_CHARS = 8_000;

/**
 * Reads an image upload: the raw bytes (`Content-Type: image/*` or `application/octet-stream`) or
 * `multipart/form-data` with an `image` (or `file`) part. The byte limit is enforced while the body
 * arrives, in both forms, so a 50 MB upload is refused after `maxBytes` without being buffered.
 * The declared type is only used to pick the form; the file type is sniffed later from the bytes.
 */
export async function readImageUpload(req: Request, maxBytes: number, surface: Surface): Promise<ImageUpload> {
  const contentType = (req.headers.get('content-type') ?? '').toLowerCase();
  const queryQuestion = new URL(req.url).searchParams.get('question') ?? undefined;
  const tooLarge = () =>
    new AppError(`payload_too_large:${surface}`, {
      message: `The image is larger than the limit of ${formatBytes(maxBytes)}.`,
      details: { maxBytes },
    });

  if (contentType.startsWith('multipart/form-data')) {
    const form = await readBoundedForm(req, maxBytes + MULTIPART_OVERHEAD, tooLarge, surface);
    const file = form.get('image') ?? form.get('file');
    if (!(file instanceof File)) {
      throw new AppError(`bad_request:${surface}`, { message: 'Send the image as the multipart field "image".' });
    }
    if (file.size > maxBytes) throw tooLarge();
    const question = form.get('question');
    return {
      bytes: Buffer.from(await file.arrayBuffer()),
      filename: cleanFilename(file.name),
      declaredType: declaredImageType(file.type),
      question: checkQuestion(typeof question === 'string' ? question : queryQuestion, surface),
    };
  }
  if (contentType.startsWith('image/') || contentType.startsWith('application/octet-stream')) {
    const bytes = await readBoundedBytes(req, maxBytes, tooLarge);
    const name = req.headers.get('x-filename');
    return {
      bytes,
      filename: name ? cleanFilename(safeDecode(name)) : undefined,
      declaredType: declaredImageType(contentType),
      question: checkQuestion(queryQuestion, surface),
    };
  }
  throw new AppError(`unsupported_media_type:${surface}`, {
    message: 'Send the image as its raw bytes (Content-Type: image/…) or as multipart/form-data.',
  });
}

async function readBoundedForm(
  req: Request,
  maxBytes: number,
  tooLarge: () => AppError,
  surface: Surface,
): Promise<FormData> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!req.body) throw new AppError(`bad_request:${surface}`, { message: 'The request body is empty.' });
  let size = 0;
  let exceeded = false;
  const limited = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          exceeded = true;
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    const copy = new Request('http://upload.local/', {
      method: 'POST',
      headers: { 'content-type': req.headers.get('content-type') ?? '' },
      body: limited,
      duplex: 'half',
    } as RequestInit);
    return await copy.formData();
  } catch (error) {
    if (exceeded) throw tooLarge();
    throw new AppError(`bad_request:${surface}`, {
      message: 'The multipart body could not be read.',
      internalDetail: error instanceof Error ? error.message : String(error),
    });
  }
}

function checkQuestion(question: string | undefined, surface: Surface): string | undefined {
  const trimmed = question?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > MAX_QUESTION_CHARS) {
    throw new AppError(`bad_request:${surface}`, {
      message: `The question is ${trimmed.length} characters long; the limit is ${MAX_QUESTION_CHARS}.`,
    });
  }
  return trimmed;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A display name only: no path, no control characters, bounded length. */
function cleanFilename(name: string | undefined): string | undefined {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' ? undefined : clean;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
