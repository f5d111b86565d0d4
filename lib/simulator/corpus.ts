/** Canned text the generator draws from. Plain, varied, and obviously not a real answer. */

export const openers = [
  'Here is a structured answer so the renderer has something of every kind to show.',
  'Below is a deterministic answer: the same request always produces the same text.',
  'This reply is generated from a seed derived from your messages, not by a language model.',
  'What follows exercises headings, lists, tables and code blocks in one message.',
];

export const sentences = [
  'Streaming arrives in small deltas, so the interface should append text without re-rendering everything.',
  'Each code block below is complete, which makes it a good check for incremental highlighting.',
  'The usage numbers on the final chunk include prompt cache hits and misses.',
  'A second turn with the same history should report cached prompt tokens.',
  'Long answers are cut at max_tokens with finish_reason "length".',
  'Stop sequences end the answer before the first match, with finish_reason "stop".',
  'Reasoning, when enabled, streams before the answer in a separate field.',
  'Markdown tables should scroll horizontally on narrow screens rather than overflow.',
  'Inline code such as `max_tokens` and **bold text** should render inside paragraphs.',
  'Links like [the API reference](https://api-docs.deepseek.com) should open safely.',
  'Nothing here was looked up; the simulator only proves that the protocol works end to end.',
  'Retries are only safe before the first byte of a stream has been received.',
];

export const bullets = [
  'Check that each streamed delta is appended in order.',
  'Confirm the reasoning panel collapses once the answer starts.',
  'Verify the token counts shown match the usage object.',
  'Scroll a long answer while it is still streaming.',
  'Copy a code block and compare it with the source.',
  'Stop a stream midway and confirm the partial answer is kept.',
  'Switch models and watch the prompt cache miss again.',
  'Resize the window and check the table stays readable.',
];

export const thoughts = [
  'A short overview first, then the details, seems clearest.',
  'I should keep the examples small enough to read at a glance.',
  'The table can summarise the request parameters.',
  'Two code samples in different languages will show the highlighting.',
  'I will end with a short closing paragraph.',
  'There is no need to repeat the question in full; a quote is enough.',
  'The list should contain concrete, checkable steps.',
  'Let me double-check the structure before writing the answer.',
];

export const extraTopics = [
  'Pacing',
  'Back-pressure',
  'Cancellation',
  'Usage accounting',
  'Prefix caching',
  'Error handling',
  'Rendering',
  'Persistence',
];

export const languages = ['ts', 'python', 'bash', 'json', 'go', 'rust', 'sql'] as const;
export type Language = (typeof languages)[number];

export interface SnippetContext {
  model: string;
  turn: number;
  keywords: string[];
}

export function snippet(language: Language, { model, turn, keywords }: SnippetContext): string {
  const [first = 'question'] = keywords;
  switch (language) {
    case 'ts':
      return [
        'interface Turn {',
        '  index: number;',
        '  topic: string;',
        '}',
        '',
        'export function describe(turn: Turn): string {',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this is TypeScript source text, not a template
        '  return `Turn ${turn.index} is about ${turn.topic}`;',
        '}',
        '',
        `console.log(describe({ index: ${turn}, topic: '${first}' }));`,
      ].join('\n');
    case 'python':
      return [
        'def describe(topic: str, turn: int) -> str:',
        '    words = topic.split()',
        '    return f"turn {turn}: {len(words)} word(s) about {topic!r}"',
        '',
        `print(describe("${keywords.join(' ')}", ${turn}))`,
      ].join('\n');
    case 'bash':
      return [
        'curl -sS "$BASE_URL/chat/completions" \\',
        '  -H "Authorization: Bearer $DEEPSEEK_API_KEY" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '{"model":"${model}","stream":true,"messages":[{"role":"user","content":"${first}"}]}'`,
      ].join('\n');
    case 'json':
      return JSON.stringify({ turn, model, keywords, stream: true }, null, 2);
    case 'go':
      return [
        'package main',
        '',
        'import "fmt"',
        '',
        'func main() {',
        `\ttopics := []string{${keywords.map((k) => `"${k}"`).join(', ')}}`,
        '\tfor i, t := range topics {',
        '\t\tfmt.Printf("%d: %s\\n", i+1, t)',
        '\t}',
        '}',
      ].join('\n');
    case 'rust':
      return [
        'fn describe(turn: u32, topic: &str) -> String {',
        '    format!("turn {turn}: {topic}")',
        '}',
        '',
        'fn main() {',
        `    println!("{}", describe(${turn}, "${first}"));`,
        '}',
      ].join('\n');
    case 'sql':
      return [
        'SELECT role, count(*) AS messages',
        'FROM messages',
        `WHERE conversation_turn <= ${turn}`,
        'GROUP BY role',
        'ORDER BY messages DESC;',
      ].join('\n');
  }
}
