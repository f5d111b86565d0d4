import 'server-only';
import type { z } from 'zod';
import { type CurrentUser, requireUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { AppError, type Surface, toAppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import { rateLimitHeaders } from '@/lib/policy/messages';
import { assertCan, type RouteId } from '@/lib/policy/roles';
import { readJsonBody } from './body';
import { newRequestId } from './request-id';
import { assertJsonOrEmpty, assertSameOrigin } from './same-origin';

export interface PublicHandlerContext<Body, Params> {
  req: Request;
  body: Body;
  params: Params;
  requestId: string;
  /** ms timestamp when the request reached the handler */
  receivedAt: number;
}

export interface HandlerContext<Body, Params> extends PublicHandlerContext<Body, Params> {
  user: CurrentUser;
}

interface CommonOptions<BodySchema extends z.ZodType | undefined> {
  /** zod schema for a JSON body; omit for routes without one */
  body?: BodySchema;
  surface: Surface;
  maxBodyBytes?: number;
  /**
   * `upload`: the route reads a raw image or multipart body itself (lib/attachments/upload.ts)
   * instead of JSON. The same-origin check still applies; raw image types cannot be sent by a
   * cross-site form at all.
   */
  accept?: 'json' | 'upload';
}

interface HandlerOptions<BodySchema extends z.ZodType | undefined> extends CommonOptions<BodySchema> {
  /** The route group the caller's role must include (lib/policy/roles.ts). */
  route: RouteId;
}

type RouteContext<Params> = { params: Promise<Params> };
type BodyOf<BodySchema> = BodySchema extends z.ZodType ? z.infer<BodySchema> : undefined;

/**
 * The one wrapper every API route uses: request id → same-origin and JSON-only checks for
 * state-changing methods → signed-in user (401) → role may call the route (403) → body parsing and
 * validation → the handler → any thrown error becomes the taxonomy's JSON response.
 */
export function handler<Params = Record<string, never>, BodySchema extends z.ZodType | undefined = undefined>(
  options: HandlerOptions<BodySchema>,
  run: (ctx: HandlerContext<BodyOf<BodySchema>, Params>) => Promise<Response> | Response,
) {
  const authenticate = async (req: Request) => {
    const user = await requireUser(req);
    assertCan(user.role, options.route);
    return user;
  };
  return wrap<Params, BodySchema, CurrentUser>({ ...options, metricsRoute: options.route }, authenticate, (ctx, user) =>
    run({ ...ctx, user }),
  );
}

/** The same wrapper for the few routes that serve signed-out callers (sign-up). */
export function publicHandler<Params = Record<string, never>, BodySchema extends z.ZodType | undefined = undefined>(
  options: CommonOptions<BodySchema>,
  run: (ctx: PublicHandlerContext<BodyOf<BodySchema>, Params>) => Promise<Response> | Response,
) {
  return wrap<Params, BodySchema, undefined>(
    options,
    async () => undefined,
    (ctx) => run(ctx),
  );
}

function wrap<Params, BodySchema extends z.ZodType | undefined, Caller = unknown>(
  options: CommonOptions<BodySchema> & { metricsRoute?: string },
  authenticate: (req: Request) => Promise<Caller>,
  run: (ctx: PublicHandlerContext<BodyOf<BodySchema>, Params>, caller: Caller) => Promise<Response> | Response,
) {
  return async (req: Request, route?: RouteContext<Params>): Promise<Response> => {
    const receivedAt = Date.now();
    const requestId = newRequestId(req.headers.get('x-request-id'));
    try {
      assertSameOrigin(req, { publicUrl: env.AUTH_URL });
      if (options.accept !== 'upload') assertJsonOrEmpty(req, options.surface);
      const [caller, params] = await Promise.all([authenticate(req), route?.params ?? Promise.resolve({} as Params)]);
      const body = options.body ? await parseBody(req, options as CommonOptions<z.ZodType>) : undefined;
      const response = await run({ req, body: body as BodyOf<BodySchema>, params, requestId, receivedAt }, caller);
      response.headers.set('x-request-id', requestId);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      return response;
    } catch (error) {
      const appError = toAppError(error);
      const entry = { requestId, code: appError.code, status: appError.status, detail: appError.internalDetail };
      if (appError.type === 'rate_limit')
        getMetrics().rateLimitRejections.inc({ route: options.metricsRoute ?? 'public' });
      if (appError.status >= 500) log.error(entry, 'request failed');
      else log.info(entry, 'request rejected');
      return appError.toResponse(requestId, rateLimitHeaders(appError));
    }
  };
}

async function parseBody(req: Request, options: CommonOptions<z.ZodType>): Promise<unknown> {
  const raw = await readJsonBody(req, options.maxBodyBytes, options.surface);
  const parsed = options.body!.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(`bad_request:${options.surface}`, {
      message: describeIssues(parsed.error.issues),
      details: {
        issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      },
    });
  }
  return parsed.data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return 'Invalid request.';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `Invalid request. ${where}${first.message}${more}`;
}
