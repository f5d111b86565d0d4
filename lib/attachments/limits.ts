import 'server-only';
import { env } from '@/lib/env';
import { imageMediaTypes } from './sniff';

export interface AttachmentLimits {
  /** bytes per image, enforced while the upload is read */
  maxBytes: number;
  /** width × height, checked from the header before decoding */
  maxPixels: number;
  perMessage: number;
  mediaTypes: readonly string[];
}

export function attachmentLimits(): AttachmentLimits {
  return {
    maxBytes: env.ATTACHMENT_MAX_BYTES,
    maxPixels: env.ATTACHMENT_MAX_PIXELS,
    perMessage: env.ATTACHMENTS_PER_MESSAGE,
    mediaTypes: imageMediaTypes,
  };
}
