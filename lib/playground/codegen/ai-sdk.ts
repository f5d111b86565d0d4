import { type CodegenInput, indentRest, quoted, sdkBaseUrl } from './shared';
import { tsHmacFetch, tsTokenFetch } from './typescript';

type WireMessage = { role: string; content: string; prefix?: boolean };

const json = (value: unknown, indent: number) => indentRest(JSON.stringify(value, null, 2), indent);

/** The AI SDK builds the body itself from these options; it sends the same fields as the other snippets. */
export function aiSdkSnippet({ request, target }: CodegenInput): string {
  const body = request.body as Record<string, unknown> & { messages: WireMessage[] };
  const deepseek = target.provider === 'deepseek';
  const providerKey = deepseek ? 'deepseek' : 'upstream';
  const [first, ...rest] = body.messages;
  const instructions = first?.role === 'system' ? first.content : undefined;
  const messages = (instructions === undefined ? body.messages : rest).map((message) =>
    message.prefix
      ? { role: message.role, content: message.content, providerOptions: { deepseek: { prefix: true } } }
      : { role: message.role, content: message.content },
  );

  const options: string[] = [];
  const option = (name: string, value: unknown) => {
    if (value !== undefined) options.push(`  ${name}: ${json(value, 2)},`);
  };
  option('instructions', instructions);
  option('messages', messages);
  option('temperature', body.temperature);
  option('topP', body.top_p);
  option('maxOutputTokens', body.max_tokens);
  option('stopSequences', body.stop);
  option('frequencyPenalty', body.frequency_penalty);
  option('presencePenalty', body.presence_penalty);
  if (body.response_format) options.push('  output: Output.json(),');
  const providerOptions: Record<string, unknown> = deepseek
    ? {
        ...(body.thinking ? { thinking: body.thinking } : {}),
        ...(body.reasoning_effort ? { reasoningEffort: body.reasoning_effort } : {}),
        ...(body.user_id ? { userId: body.user_id } : {}),
      }
    : {
        ...(body.chat_template_kwargs ? { chat_template_kwargs: body.chat_template_kwargs } : {}),
        ...(body.user ? { user: body.user } : {}),
      };
  if (Object.keys(providerOptions).length > 0) option('providerOptions', { [providerKey]: providerOptions });

  const fetchOption = target.auth === 'hmac' ? ', fetch: signedFetch' : '';
  const apiKey = target.auth === 'oauth2' ? 'accessToken' : 'process.env.DEEPSEEK_API_KEY';
  const base = quoted(sdkBaseUrl(request));
  const provider = deepseek
    ? [
        "import { createDeepSeek } from '@ai-sdk/deepseek';",
        `const provider = createDeepSeek({ apiKey: ${apiKey}, baseURL: ${base}${fetchOption} });`,
      ]
    : [
        "import { createOpenAICompatible } from '@ai-sdk/openai-compatible';",
        `const provider = createOpenAICompatible({ name: 'upstream', apiKey: ${apiKey}, baseURL: ${base}, includeUsage: true${fetchOption} });`,
      ];
  return [
    ...(target.auth === 'hmac' ? ["import { createHmac } from 'node:crypto';"] : []),
    provider[0],
    `import { ${body.response_format ? 'Output, ' : ''}streamText } from 'ai';`,
    '',
    ...(target.auth === 'hmac' ? [...tsHmacFetch, ''] : []),
    ...(target.auth === 'oauth2' ? [...tsTokenFetch(target.tokenUrl), ''] : []),
    provider[1],
    '',
    'const result = streamText({',
    `  model: provider(${quoted(String(body.model))}),`,
    ...options,
    '});',
    '',
    'for await (const part of result.fullStream) {',
    "  if (part.type === 'reasoning-delta' || part.type === 'text-delta') process.stdout.write(part.text);",
    '}',
    "console.log('\\n', await result.usage);",
    '',
  ].join('\n');
}
