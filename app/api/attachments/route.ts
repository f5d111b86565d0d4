import { attachmentLimits, uploadAttachment } from '@/lib/attachments';
import { handler } from '@/lib/http/handler';

/** GET /api/attachments — the upload limits, so the browser can check files before sending them. */
export const GET = handler({ surface: 'attachment', route: 'attachments' }, () =>
  Response.json({ limits: attachmentLimits() }),
);

/** POST /api/attachments — one image (raw bytes or multipart `image`) in, the stored attachment out. */
export const POST = handler({ surface: 'attachment', route: 'attachments', accept: 'upload' }, async ({ req, user }) =>
  Response.json({ attachment: await uploadAttachment(req, user) }, { status: 201 }),
);
