/**
 * Where image bytes come from when a transcript is rendered or exported. Messages refer to images
 * as file parts whose url is `/api/attachments/<id>` (owner-scoped, needs a session) or, after an
 * import, a `data:` URL. Exporters and the share page never fetch URLs: they ask this one injected
 * source for an owner's attachment, and render a placeholder with the file name when it has none.
 *
 * The app's real loader belongs to the attachments feature: it calls `setAttachmentSource` once at
 * start-up (see docs/EXPORT-FORMAT.md, "Images").
 */

export interface AttachmentBytes {
  mediaType: string;
  bytes: Uint8Array;
}

export interface AttachmentSource {
  /** The attachment's bytes when `ownerId` owns `attachmentId`; undefined otherwise. */
  load(ownerId: string, attachmentId: string): Promise<AttachmentBytes | undefined>;
}

/** No images available: every image part renders as its placeholder. */
export const noAttachments: AttachmentSource = { load: async () => undefined };

const globalSource = globalThis as typeof globalThis & { __studioAttachmentSource?: AttachmentSource };

export function setAttachmentSource(source: AttachmentSource): void {
  globalSource.__studioAttachmentSource = source;
}

export function getAttachmentSource(): AttachmentSource {
  return globalSource.__studioAttachmentSource ?? noAttachments;
}

/** Largest image embedded into a page or file; bigger ones stay placeholders. */
export const maxEmbeddedImageBytes = 8 * 1024 * 1024;

const attachmentUrl = /^\/api\/attachments\/([\w-]{1,200})$/;
/** Raster formats only: an SVG could carry script into an exported file opened elsewhere. */
const embeddableImage = /^image\/(png|jpeg|gif|webp|avif)$/;
const dataUrl = /^data:(image\/(?:png|jpeg|gif|webp|avif));base64,[A-Za-z0-9+/]+=*$/;

export function attachmentIdOf(url: string): string | undefined {
  return attachmentUrl.exec(url)?.[1];
}

export function isEmbeddableDataUrl(url: string): boolean {
  return url.length <= maxEmbeddedImageBytes * 1.4 && dataUrl.test(url);
}

/**
 * A `data:` URL for an image part, or undefined (not an image, not found, too large, or a URL
 * that would have to be fetched — remote URLs are never loaded).
 */
export async function imageDataUrl(
  part: { mediaType: string; url: string },
  ownerId: string,
  source: AttachmentSource,
): Promise<string | undefined> {
  if (part.url.startsWith('data:')) return isEmbeddableDataUrl(part.url) ? part.url : undefined;
  const id = attachmentIdOf(part.url);
  if (!id || !embeddableImage.test(part.mediaType)) return undefined;
  const found = await source.load(ownerId, id).catch(() => undefined);
  if (!found || !embeddableImage.test(found.mediaType) || found.bytes.byteLength > maxEmbeddedImageBytes) {
    return undefined;
  }
  return `data:${found.mediaType};base64,${Buffer.from(found.bytes).toString('base64')}`;
}
