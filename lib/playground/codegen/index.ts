import { aiSdkSnippet } from './ai-sdk';
import { curlSnippet } from './curl';
import { goSnippet } from './go';
import { javaSnippet } from './java';
import { pythonSnippet } from './python';
import type { CodegenInput } from './shared';
import { typescriptSnippet } from './typescript';

export type { CodegenInput } from './shared';

export const codeLanguages = ['curl', 'python', 'typescript', 'ai-sdk', 'go', 'java'] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

/** Each generator: label, shiki language id, and the snippet for one built request. */
export const generators: Record<
  CodeLanguage,
  { label: string; lang: string; generate: (input: CodegenInput) => string }
> = {
  curl: { label: 'curl', lang: 'bash', generate: curlSnippet },
  python: { label: 'Python (openai)', lang: 'python', generate: pythonSnippet },
  typescript: { label: 'TypeScript (openai)', lang: 'typescript', generate: typescriptSnippet },
  'ai-sdk': { label: 'TypeScript (AI SDK)', lang: 'typescript', generate: aiSdkSnippet },
  go: { label: 'Go', lang: 'go', generate: goSnippet },
  java: { label: 'Java', lang: 'java', generate: javaSnippet },
};
