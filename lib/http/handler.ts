import 'server-only';
import type { z } from 'zod';
import { type CurrentUser, requireUser } from '@/lib/auth/current-user';
import { AppError, type Surface, toAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { readJsonBody } from './body';
import { newRequestId } from './request-id';

export interface HandlerContext<Body, Params> {
  req: Request;
  user: CurrentUser;
  body: Body;
  params: Params;
  requestId: string;
  /** ms timestamp when the request reached the handler */
  receivedAt: number;
}

interface HandlerOptions<BodySchema extends z.ZodType | undefined> {
  /** zod schema for a JSON body; omit for routes without one */
  body?: BodySchema;
  surface: Surface;
  maxBodyBytes?: number;
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * The one wrapper every route handler uses: request id → user → body parsing and validation →
 * the handler → any thrown error becomes the taxonomy's JSON response. Routes stay thin.
 */
export function handler<Params = Record<string, never>, BodySchema extends z.ZodType | undefined = undefined>(
  options: HandlerOptions<BodySchema>,
  run: (
    ctx: HandlerContext<BodySchema extends z.ZodType ? z.infer<BodySchema> : undefined, Params>,
  ) => Promise<Response> | Response,
) {
  return async (req: Request, route?: RouteContext<Params>): Promise<Response> => {
    const receivedAt = Date.now();
    const requestId = newRequestId(req.headers.get('x-request-id'));
    try {
      const [user, params] = await Promise.all([requireUser(req), route?.params ?? Promise.resolve({} as Params)]);
      let body: unknown;
      if (options.body) {
        const raw = await readJsonBody(req, options.maxBodyBytes, options.surface);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) {
          throw new AppError(`bad_request:${options.surface}`, {
            message: describeIssues(parsed.error.issues),
            details: {
              issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
            },
          });
        }
        body = parsed.data;
      }
      const response = await run({
        req,
        user,
        body: body as BodySchema extends z.ZodType ? z.infer<BodySchema> : undefined,
        params,
        requestId,
        receivedAt,
      });
      response.headers.set('x-request-id', requestId);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      return response;
    } catch (error) {
      const appError = toAppError(error);
      const entry = { requestId, code: appError.code, status: appError.status, detail: appError.internalDetail };
      if (appError.status >= 500) log.error(entry, 'request failed');
      else log.info(entry, 'request rejected');
      return appError.toResponse(requestId);
    }
  };
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'Invalid request.';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `Invalid request. ${where}${first.message}${more}`;
}
