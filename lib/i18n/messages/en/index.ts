/**
 * The English catalog is the source of truth: every other language must have exactly these keys
 * (enforced by the `Catalog` type and by `catalog.test.ts`). `{name}` marks a placeholder.
 * One module per area of the app; a key lives in exactly one of them.
 */

import { compare } from './compare';
import { core } from './core';
import { gateway } from './gateway';
import { playground } from './playground';
import { share } from './share';
import { vision } from './vision';

export const en = { ...core, ...playground, ...compare, ...vision, ...share, ...gateway } as const;

export type MessageKey = keyof typeof en;
/** A complete catalog: every key of the English one, each a string. */
export type Catalog = { readonly [K in MessageKey]: string };
/** One area's keys in another language: exactly the English section's keys, each a string. */
export type Section<T> = { readonly [K in keyof T]: string };
