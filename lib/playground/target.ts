/**
 * Where and how the server calls the model, without secrets: what the request builder, the code
 * generators and the inspector need. The page gets it from the server (`describeTarget`).
 */
export interface UpstreamTarget {
  /** e.g. https://api.deepseek.com (no trailing slash) */
  baseURL: string;
  provider: 'deepseek' | 'openai-compatible';
  auth: 'bearer' | 'hmac' | 'oauth2';
  /** oauth2 only: the client-credentials token endpoint. */
  tokenUrl?: string;
  /** DeepSeek's `user_id` for the signed-in user (a hash; cache and scheduling isolation). */
  endUserId?: string;
}

/** The env vars snippets read the credentials from; the real values never leave the server. */
export const credentialEnv = {
  apiKey: 'DEEPSEEK_API_KEY',
  secretKey: 'DEEPSEEK_SECRET_KEY',
  clientId: 'DEEPSEEK_CLIENT_ID',
  clientSecret: 'DEEPSEEK_CLIENT_SECRET',
} as const;
