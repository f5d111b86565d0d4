import 'server-only';
import { type AttachmentSource, setAttachmentSource } from '@/lib/transcript/attachments';
import { readAttachmentBytes } from './store';

/** Stored attachments as the transcript renderers' image source (exports, share page). */
export const storedAttachments: AttachmentSource = {
  async load(ownerId, attachmentId) {
    if (!/^[0-9a-f-]{36}$/.test(attachmentId)) return undefined;
    const stored = await readAttachmentBytes(ownerId, attachmentId);
    return stored && { mediaType: stored.info.mediaType, bytes: new Uint8Array(stored.bytes) };
  },
};

/** Called once at server start (instrumentation.ts). */
export function installAttachmentSource(): void {
  setAttachmentSource(storedAttachments);
}
