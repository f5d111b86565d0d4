/** The expiry choices the Share dialog offers; `never` keeps a link until it is revoked. */
export const shareExpiries = ['1h', '1d', '7d', '30d', 'never'] as const;
export type ShareExpiry = (typeof shareExpiries)[number];

const hour = 3_600_000;
const durations: Record<Exclude<ShareExpiry, 'never'>, number> = {
  '1h': hour,
  '1d': 24 * hour,
  '7d': 7 * 24 * hour,
  '30d': 30 * 24 * hour,
};

export function expiresAtFor(expiry: ShareExpiry, now: Date): Date | null {
  return expiry === 'never' ? null : new Date(now.getTime() + durations[expiry]);
}

export type ShareState = 'active' | 'expired' | 'revoked';

export function shareState(
  share: { revokedAt: Date | string | null; expiresAt: Date | string | null },
  now: Date,
): ShareState {
  if (share.revokedAt) return 'revoked';
  if (share.expiresAt && new Date(share.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
