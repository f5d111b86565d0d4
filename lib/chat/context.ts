import type { CurrentUser } from '@/lib/auth/current-user';

/** Who asked and how the request arrived: what the route knows beyond the turn's body. */
export interface TurnContext {
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  /** offline mode only: a fault for the built-in simulator (tests, demos); never sent to a real upstream */
  simulatorFault?: string;
  /** the client address for the audit row (trusted hops only) */
  clientIp: string;
  /** cache a thinking-off answer even above temperature 0 */
  cacheOptIn?: boolean;
}
