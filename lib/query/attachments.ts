import { queryOptions } from '@tanstack/react-query';
import { AppError } from '@/lib/errors';
import { apiFetch } from './api';

export interface AttachmentLimitsResponse {
  limits: { maxBytes: number; maxPixels: number; perMessage: number; mediaTypes: string[] };
}

/** One uploaded image as `POST /api/attachments` returns it. */
export interface UploadedAttachment {
  id: string;
  url: string;
  mediaType: string;
  byteSize: number;
  width: number;
  height: number;
  filename: string | null;
  animated: boolean;
}

export function attachmentLimitsQueryOptions() {
  return queryOptions({
    queryKey: ['attachments', 'limits'] as const,
    queryFn: ({ signal }) => apiFetch<AttachmentLimitsResponse>('/api/attachments', { signal }),
    staleTime: 30 * 60_000,
    // A 403 means the role has no image input: asking again will not change that.
    retry: (failures, error) => !(error instanceof AppError && error.status === 403) && failures < 2,
  });
}

/** Sends the file's raw bytes; the server sniffs the type, so the declared one is only a hint. */
export async function uploadAttachment(file: File, signal?: AbortSignal): Promise<UploadedAttachment> {
  const body = await apiFetch<{ attachment: UploadedAttachment }>('/api/attachments', {
    method: 'POST',
    body: file,
    signal,
    headers: {
      'content-type': file.type || 'application/octet-stream',
      ...(file.name ? { 'x-filename': encodeURIComponent(file.name) } : {}),
    },
  });
  return body.attachment;
}
