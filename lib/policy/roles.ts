import { AppError } from '@/lib/errors';

/**
 * Who may do what: one table keyed by role. Route handlers call `assertCan` with their route id,
 * the chat path calls `assertModelAllowed` with the resolved (non-alias) model id and
 * `assertFeature` for capabilities inside a route; `limitsFor` gives the quotas `limits.ts` enforces.
 */

export const roles = ['admin', 'user', 'guest'] as const;
export type Role = (typeof roles)[number];

/** API route groups; one id per group of handlers a role is or is not allowed to call. */
export const routeIds = [
  'chat',
  'conversations',
  'models',
  'presets',
  'playground',
  'compare',
  'shares',
  'attachments',
  'export',
  'import',
  'usage',
  'settings',
  'admin',
] as const;
export type RouteId = (typeof routeIds)[number];

/** Capabilities checked inside a route, where one route serves several kinds of request. */
export const features = [
  /** image parts in a chat, playground or compare message */
  'vision',
  /** reasoning effort `max` (long, expensive reasoning) */
  'max_effort',
] as const;
export type Feature = (typeof features)[number];

export const limitNames = ['requestsPerMinute', 'requestsPerDay', 'tokensPerDay', 'concurrentStreams'] as const;
export type LimitName = (typeof limitNames)[number];

/** `null` = unlimited; `0` = blocked. Day quotas are fixed UTC days. */
export type Limits = Record<LimitName, number | null>;

/** What an admin may set on one user; absent fields fall back to the role's default. */
export type LimitOverrides = Partial<Limits>;

export interface RolePolicy {
  routes: readonly RouteId[];
  /** `'*'`: every model the registry serves; otherwise canonical ids (aliases resolved first). */
  models: '*' | readonly string[];
  features: readonly Feature[];
  limits: Limits;
}

const userRoutes = routeIds.filter((id) => id !== 'admin');

export const policyTable = {
  admin: {
    routes: routeIds,
    models: '*',
    features: ['vision', 'max_effort'],
    limits: { requestsPerMinute: 120, requestsPerDay: null, tokensPerDay: null, concurrentStreams: 8 },
  },
  user: {
    routes: userRoutes,
    models: '*',
    features: ['vision', 'max_effort'],
    limits: { requestsPerMinute: 20, requestsPerDay: 1_000, tokensPerDay: 2_000_000, concurrentStreams: 3 },
  },
  guest: {
    routes: ['chat', 'conversations', 'models', 'playground', 'export', 'usage', 'settings'],
    models: ['deepseek-flash'],
    features: [],
    limits: { requestsPerMinute: 5, requestsPerDay: 50, tokensPerDay: 100_000, concurrentStreams: 1 },
  },
} as const satisfies Record<Role, RolePolicy>;

const tableOf = (role: Role): RolePolicy => policyTable[role];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function can(role: Role, route: RouteId): boolean {
  return tableOf(role).routes.includes(route);
}

/** 403 for a signed-in user whose role lacks the route (foreign ids are the data layer's 404). */
export function assertCan(role: Role, route: RouteId): void {
  if (can(role, route)) return;
  throw new AppError('forbidden:api', {
    message: `This is not available to ${role} accounts.`,
    details: { role, route },
  });
}

export function hasFeature(role: Role, feature: Feature): boolean {
  return tableOf(role).features.includes(feature);
}

export function assertFeature(role: Role, feature: Feature): void {
  if (hasFeature(role, feature)) return;
  throw new AppError('forbidden:api', {
    message: `${featureLabels[feature]} is not available to ${role} accounts.`,
    details: { role, feature },
  });
}

const featureLabels: Record<Feature, string> = {
  vision: 'Image input',
  max_effort: 'Maximum reasoning effort',
};

/** Pass the canonical id (`CallSettings.model`), so an alias cannot reach a model its role lacks. */
export function modelAllowed(role: Role, modelId: string): boolean {
  const models = tableOf(role).models;
  return models === '*' || models.includes(modelId);
}

export function assertModelAllowed(role: Role, modelId: string): void {
  if (modelAllowed(role, modelId)) return;
  throw new AppError('forbidden:model', {
    message: `The model ${modelId} is not available to ${role} accounts.`,
    details: { role, model: modelId },
  });
}

/** The role's default limits with an admin's per-user overrides on top (`null` = unlimited). */
export function limitsFor(role: Role, overrides?: LimitOverrides | null): Limits {
  const limits: Limits = { ...tableOf(role).limits };
  for (const name of limitNames) {
    const value = overrides?.[name];
    if (value !== undefined) limits[name] = value;
  }
  return limits;
}

/** `adminEmails`: a list or the raw comma/space-separated `ADMIN_EMAILS` value. */
export function isAdminEmail(email: string | null | undefined, adminEmails: string | readonly string[]): boolean {
  if (!email) return false;
  const list = typeof adminEmails === 'string' ? adminEmails.split(/[\s,;]+/) : adminEmails;
  const wanted = email.trim().toLowerCase();
  return list.some((entry) => entry.trim().toLowerCase() === wanted && wanted !== '');
}

/** The role a new account gets: the instance's first account and listed e-mails are admins. */
export function roleForNewAccount(input: {
  email?: string | null;
  isFirstAccount: boolean;
  adminEmails: string | readonly string[];
}): Extract<Role, 'admin' | 'user'> {
  return input.isFirstAccount || isAdminEmail(input.email, input.adminEmails) ? 'admin' : 'user';
}
