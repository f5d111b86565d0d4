import { colourName } from './colours';
import { bullets, extraTopics, languages, openers, type SnippetContext, sentences, snippet, thoughts } from './corpus';
import type { ImageInfo } from './images';
import { pick, pickSome, type Random } from './random';
import { countTokens } from './tokens';
import type { ChatRequest, WireMessage } from './validate';

/**
 * Builds the simulated answer (markdown) and reasoning from the request and a seeded random
 * source. The answer quotes the question and the conversation's first question so a test — or a
 * person — can see that the whole history arrived.
 */

export interface Generated {
  reasoning: string;
  answer: string;
}

function textOf(message: WireMessage): string {
  const content = message.content;
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .filter((text) => text !== '')
    .join('\n');
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function keywordsOf(text: string): string[] {
  // The longest words are the likeliest to be the topic; ties keep their order in the question.
  const words = [...new Set(text.match(/[\p{L}\p{N}_]{4,24}/gu) ?? [])];
  const longest = words
    .map((word, index) => ({ word, index }))
    .sort((a, b) => b.word.length - a.word.length || a.index - b.index);
  return longest.length > 0 ? longest.slice(0, 3).map((w) => w.word) : ['question'];
}

const formatNames = { jpeg: 'JPEG', png: 'PNG', gif: 'GIF', webp: 'WebP' } as const;

/** Chinese when the question is written in Chinese, English otherwise. */
export function languageOf(text: string): 'en' | 'zh' {
  return /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

function describeImage(image: ImageInfo, index: number, language: 'en' | 'zh'): string {
  if (image.source === 'remote') {
    return language === 'zh'
      ? `${index + 1}. 一张远程图片（${excerpt(image.url ?? '', 80)}），离线模拟器不会下载它`
      : `${index + 1}. a remote image (${excerpt(image.url ?? '', 80)}), which the offline simulator does not download`;
  }
  const a = image.analysis;
  if (!a) return `${index + 1}. \`${image.mediaType}\`, ${(image.bytes ?? 0).toLocaleString('en-US')} bytes`;
  const colours = a.colours.map((c) => `${colourName(c.rgb, language)} \`${c.hex}\` (${Math.round(c.share * 100)}%)`);
  if (language === 'zh') {
    const light = a.brightness < 35 ? '偏暗' : a.brightness > 65 ? '明亮' : '亮度适中';
    return [
      `${index + 1}. 一张 **${formatNames[a.format]}** 图片，**${a.width} × ${a.height}** 像素（宽高比 ${a.aspectRatio}），${(image.bytes ?? 0).toLocaleString('en-US')} 字节${a.animated ? '，动图（只看了第一帧）' : ''}。`,
      `   - 透明度：${a.transparent ? '有透明区域' : '不透明'}`,
      `   - 平均亮度：${a.brightness}%（${light}）`,
      `   - 主要颜色：${colours.join('、') || '无法判断'}`,
    ].join('\n');
  }
  const light = a.brightness < 35 ? 'dark' : a.brightness > 65 ? 'bright' : 'medium';
  return [
    `${index + 1}. A **${formatNames[a.format]}** image, **${a.width} × ${a.height}** pixels (aspect ratio ${a.aspectRatio}), ${(image.bytes ?? 0).toLocaleString('en-US')} bytes${a.animated ? ', animated (first frame examined)' : ''}.`,
    `   - Transparency: ${a.transparent ? 'has transparent areas' : 'opaque'}`,
    `   - Mean brightness: ${a.brightness}% (${light})`,
    `   - Dominant colours: ${colours.join(', ') || 'none measurable'}`,
  ].join('\n');
}

interface Facts {
  question: string;
  firstQuestion: string;
  turn: number;
  systemTokens: number;
  keywords: string[];
}

function factsOf(messages: readonly WireMessage[]): Facts {
  const users = messages.filter((m) => m.role === 'user').map(textOf);
  const question = users.at(-1) ?? '';
  const system = messages.filter((m) => m.role === 'system').map(textOf);
  return {
    question,
    firstQuestion: users[0] ?? '',
    turn: Math.max(users.length, 1),
    systemTokens: system.reduce((sum, text) => sum + countTokens(text), 0),
    keywords: keywordsOf(question),
  };
}

function quoteBlock(text: string): string {
  const quoted = text.trim().length > 600 ? `${text.trim().slice(0, 599)}…` : text.trim();
  return (quoted || '(empty message)')
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function paragraph(random: Random, count: number): string {
  return pickSome(random, sentences, count).join(' ');
}

function contextLine(facts: Facts): string {
  const parts =
    facts.turn > 1
      ? [`This is turn ${facts.turn} of our conversation; earlier you asked: “${excerpt(facts.firstQuestion, 120)}”.`]
      : ['This is the first turn of our conversation.'];
  if (facts.systemTokens > 0) parts.push(`I followed your system prompt (${facts.systemTokens} tokens).`);
  return parts.join(' ');
}

function table(request: ChatRequest, facts: Facts): string {
  const rows: [string, string][] = [
    ['Model', `\`${request.model}\``],
    ['Thinking', request.thinking ? `on (effort ${request.effort})` : 'off'],
    ['Turn', String(facts.turn)],
    ['Messages', String(request.messages.length)],
    ['Images', String(request.imageCount)],
  ];
  return ['| Property | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function answerFor(request: ChatRequest, facts: Facts, random: Random): string {
  const context: SnippetContext = { model: request.model, turn: facts.turn, keywords: facts.keywords };
  const blocks = [
    `## Re: ${excerpt(facts.question, 60) || 'your message'}`,
    quoteBlock(facts.question),
    `${contextLine(facts)} _Answered by the offline DeepSeek simulator — a protocol twin, not a language model._`,
  ];
  if (request.images.length > 0) {
    const language = languageOf(facts.question);
    const count = request.images.length;
    const lead =
      language === 'zh' ? `我收到了 ${count} 张图片：` : `I received ${count} ${count === 1 ? 'image' : 'images'}:`;
    const list = request.images.map((image, index) => describeImage(image, index, language)).join('\n');
    blocks.push(`${lead}\n\n${list}`);
  }
  blocks.push(
    `${pick(random, openers)} You mentioned ${facts.keywords.map((k) => `*${k}*`).join(', ')}. ${paragraph(random, 2)}`,
    pickSome(random, bullets, 3 + Math.floor(random() * 3))
      .map((item) => `- ${item}`)
      .join('\n'),
    table(request, facts),
  );
  for (const language of pickSome(random, languages, 2)) {
    blocks.push(`An example in ${language}:`, `\`\`\`${language}\n${snippet(language, context)}\n\`\`\``);
  }
  blocks.push(paragraph(random, 2));
  return blocks.join('\n\n');
}

/** Appends sections until the answer has at least `minTokens` tokens (for `chunks=N`). */
function extend(answer: string, minTokens: number, random: Random): string {
  let text = answer;
  let tokens = countTokens(text);
  for (let section = 1; tokens < minTokens; section++) {
    const block = `\n\n### ${pick(random, extraTopics)} (${section})\n\n${paragraph(random, 3)}`;
    tokens += countTokens(block);
    text += block;
  }
  return text;
}

function reasoningFor(request: ChatRequest, facts: Facts, random: Random): string {
  const count = { low: 2, high: 4, max: 7 }[request.effort];
  const opening = [
    `The user asks: “${excerpt(facts.question, 100) || '(nothing)'}”.`,
    facts.turn > 1
      ? `This is turn ${facts.turn}, so the earlier question (“${excerpt(facts.firstQuestion, 60)}”) is context.`
      : 'This is the first turn, so there is no earlier context.',
  ];
  return [...opening, ...pickSome(random, thoughts, Math.max(count - opening.length, 0))].slice(0, count).join(' ');
}

/** JSON mode: a valid JSON object carrying the same facts, grown with `notes` to length. */
function jsonAnswerFor(request: ChatRequest, facts: Facts, random: Random, minTokens: number): string {
  const object = {
    question: excerpt(facts.question, 200),
    turn: facts.turn,
    first_question: excerpt(facts.firstQuestion, 200),
    model: request.model,
    keywords: facts.keywords,
    images: request.images.map((image) => image.mediaType ?? image.url ?? ''),
    notes: [paragraph(random, 2)],
  };
  while (countTokens(JSON.stringify(object, null, 2)) < minTokens) object.notes.push(paragraph(random, 3));
  return JSON.stringify(object, null, 2);
}

export function generate(request: ChatRequest, random: Random, minAnswerTokens = 0): Generated {
  const facts = factsOf(request.messages);
  const reasoning = request.thinking ? reasoningFor(request, facts, random) : '';
  const answer = request.jsonOutput
    ? jsonAnswerFor(request, facts, random, minAnswerTokens)
    : extend(answerFor(request, facts, random), minAnswerTokens, random);
  return { reasoning, answer };
}
