// What the naive baseline and the contenders both read: the mock's OpenAI-format SSE for one
// reply, on the main thread. `onChunk` gets the text of every SSE event in each network chunk the
// reader returns, joined, as a naive `for await (chunk of stream)` loop sees it; chunks with no
// text are skipped.

function contentOf(event: string): string {
  const line = event.split('\n').find((candidate) => candidate.startsWith('data: '));
  if (line === undefined || line === 'data: [DONE]') return '';
  const data = JSON.parse(line.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> };
  return data.choices?.[0]?.delta?.content ?? '';
}

export async function readOpenAiDeltas(url: string, apiKey: string, prompt: string, onChunk: (added: string) => void): Promise<void> {
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: prompt }] }),
  });
  const reader = (response.body as ReadableStream<Uint8Array<ArrayBuffer>>).pipeThrough(new TextDecoderStream()).getReader();
  let carry = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const events = (carry + value).split('\n\n');
    carry = events.pop() ?? '';
    const added = events.map(contentOf).join('');
    if (added !== '') onChunk(added);
  }
}
