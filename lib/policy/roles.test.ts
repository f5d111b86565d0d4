import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { limitOverridesSchema } from './limit-overrides';
import {
  assertCan,
  assertFeature,
  assertModelAllowed,
  can,
  type Feature,
  features,
  hasFeature,
  isAdminEmail,
  limitsFor,
  modelAllowed,
  policyTable,
  type Role,
  type RouteId,
  roleForNewAccount,
  roles,
  routeIds,
} from './roles';

// Written out by hand so that a change to the table must also change this list.
const expectedRoutes: Record<RouteId, Record<Role, boolean>> = {
  chat: { admin: true, user: true, guest: true },
  conversations: { admin: true, user: true, guest: true },
  models: { admin: true, user: true, guest: true },
  presets: { admin: true, user: true, guest: false },
  playground: { admin: true, user: true, guest: true },
  compare: { admin: true, user: true, guest: false },
  shares: { admin: true, user: true, guest: false },
  attachments: { admin: true, user: true, guest: false },
  export: { admin: true, user: true, guest: true },
  import: { admin: true, user: true, guest: false },
  usage: { admin: true, user: true, guest: true },
  settings: { admin: true, user: true, guest: true },
  admin: { admin: true, user: false, guest: false },
};

const expectedFeatures: Record<Feature, Record<Role, boolean>> = {
  vision: { admin: true, user: true, guest: false },
  max_effort: { admin: true, user: true, guest: false },
};

function forbiddenError(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a forbidden error');
}

describe('the role × route matrix', () => {
  it('lists every route id exactly once in the expectations', () => {
    expect(Object.keys(expectedRoutes).sort()).toEqual([...routeIds].sort());
    expect(Object.keys(expectedFeatures).sort()).toEqual([...features].sort());
  });

  for (const role of roles) {
    for (const route of routeIds) {
      const allowed = expectedRoutes[route][role];
      it(`${role} ${allowed ? 'may' : 'may not'} use ${route}`, () => {
        expect(can(role, route)).toBe(allowed);
        if (allowed) {
          expect(() => assertCan(role, route)).not.toThrow();
        } else {
          const error = forbiddenError(() => assertCan(role, route));
          expect(error.code).toBe('forbidden:api');
          expect(error.status).toBe(403);
          expect(error.details).toEqual({ role, route });
        }
      });
    }
  }

  for (const role of roles) {
    for (const feature of features) {
      const allowed = expectedFeatures[feature][role];
      it(`${role} ${allowed ? 'has' : 'lacks'} the ${feature} feature`, () => {
        expect(hasFeature(role, feature)).toBe(allowed);
        if (allowed) expect(() => assertFeature(role, feature)).not.toThrow();
        else expect(forbiddenError(() => assertFeature(role, feature)).status).toBe(403);
      });
    }
  }

  it('names no route or feature the unions do not know', () => {
    for (const role of roles) {
      for (const route of policyTable[role].routes) expect(routeIds).toContain(route);
      for (const feature of policyTable[role].features) expect(features).toContain(feature);
    }
  });
});

describe('models', () => {
  it('gives guests deepseek-flash only and everyone else every model', () => {
    expect(modelAllowed('guest', 'deepseek-flash')).toBe(true);
    expect(modelAllowed('guest', 'deepseek-v4-pro')).toBe(false);
    expect(modelAllowed('user', 'deepseek-v4-pro')).toBe(true);
    expect(modelAllowed('admin', 'anything-self-hosted')).toBe(true);
  });

  it('refuses with forbidden:model', () => {
    const error = forbiddenError(() => assertModelAllowed('guest', 'deepseek-v4-pro'));
    expect(error.code).toBe('forbidden:model');
    expect(error.status).toBe(403);
    expect(error.message).toContain('deepseek-v4-pro');
    expect(() => assertModelAllowed('guest', 'deepseek-flash')).not.toThrow();
  });
});

describe('limitsFor', () => {
  it('returns the role defaults without overrides', () => {
    expect(limitsFor('guest')).toEqual({
      requestsPerMinute: 5,
      requestsPerDay: 50,
      tokensPerDay: 100_000,
      concurrentStreams: 1,
    });
    expect(limitsFor('admin', null)).toEqual(policyTable.admin.limits);
  });

  it('lets any field be overridden, null meaning unlimited and 0 blocked', () => {
    const limits = limitsFor('user', { tokensPerDay: null, requestsPerMinute: 0, concurrentStreams: 10 });
    expect(limits).toEqual({ requestsPerMinute: 0, requestsPerDay: 1_000, tokensPerDay: null, concurrentStreams: 10 });
  });

  it('does not change the table when merging', () => {
    limitsFor('user', { requestsPerDay: 1 });
    expect(policyTable.user.limits.requestsPerDay).toBe(1_000);
  });

  it('validates overrides at the boundary', () => {
    expect(limitOverridesSchema.safeParse({ tokensPerDay: null, requestsPerDay: 10 }).success).toBe(true);
    expect(limitOverridesSchema.safeParse({ tokensPerDay: -1 }).success).toBe(false);
    expect(limitOverridesSchema.safeParse({ requestsPerMinute: 1.5 }).success).toBe(false);
    expect(limitOverridesSchema.safeParse({ bogus: 1 }).success).toBe(false);
  });
});

describe('admins', () => {
  it('matches ADMIN_EMAILS case-insensitively, as a list or the raw variable', () => {
    expect(isAdminEmail('Root@Example.com', 'ops@example.com, root@example.com')).toBe(true);
    expect(isAdminEmail('root@example.com', ['ROOT@example.com'])).toBe(true);
    expect(isAdminEmail('other@example.com', 'root@example.com')).toBe(false);
    expect(isAdminEmail('', ' , ')).toBe(false);
    expect(isAdminEmail(undefined, 'root@example.com')).toBe(false);
  });

  it('makes the first account and listed e-mails admins', () => {
    expect(roleForNewAccount({ email: 'a@example.com', isFirstAccount: true, adminEmails: '' })).toBe('admin');
    expect(roleForNewAccount({ email: 'a@example.com', isFirstAccount: false, adminEmails: 'a@example.com' })).toBe(
      'admin',
    );
    expect(roleForNewAccount({ email: 'b@example.com', isFirstAccount: false, adminEmails: 'a@example.com' })).toBe(
      'user',
    );
  });
});
