import 'server-only';
import { createHash } from 'node:crypto';

/** DeepSeek's `user_id` (cache and scheduling isolation) without revealing our user ids. */
export function endUserIdFor(userId: string): string {
  return `u_${createHash('sha256').update(`deepseek-studio:${userId}`).digest('hex').slice(0, 32)}`;
}
