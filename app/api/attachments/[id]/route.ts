import { attachmentResponse } from '@/lib/attachments';
import { handler } from '@/lib/http/handler';

type Params = { id: string };

/** GET /api/attachments/:id — the image bytes, to their owner only; unknown and foreign ids are 404. */
export const GET = handler<Params>({ surface: 'attachment', route: 'attachments' }, ({ params, user }) =>
  attachmentResponse(user.id, params.id),
);
