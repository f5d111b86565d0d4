import type { Catalog } from '../en';
import { compare } from './compare';
import { core } from './core';
import { gateway } from './gateway';
import { playground } from './playground';
import { share } from './share';
import { vision } from './vision';

/** Simplified Chinese, section by section like the English catalog; a missing or extra key fails the type check. */
export const zhCN: Catalog = { ...core, ...playground, ...compare, ...vision, ...share, ...gateway };
