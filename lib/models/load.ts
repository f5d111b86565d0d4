import 'server-only';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { catalogSchema, createRegistry, defaultCatalog, type ModelRegistry } from './index';

let registry: ModelRegistry | undefined;

/** The registry for this server: the built-in catalog, or MODELS_FILE when configured. */
export function getRegistry(): ModelRegistry {
  if (registry) return registry;
  if (!env.MODELS_FILE) {
    registry = createRegistry(defaultCatalog);
    return registry;
  }
  const parsed = catalogSchema.safeParse(JSON.parse(readFileSync(env.MODELS_FILE, 'utf8')));
  if (!parsed.success) {
    throw new Error(`MODELS_FILE ${env.MODELS_FILE} is not a valid model catalog: ${parsed.error.message}`);
  }
  registry = createRegistry(parsed.data);
  return registry;
}
