// The naive renderer B2-B4 are held against: on every delta, the WHOLE accumulated reply is
// re-parsed with marked (the app's parser) and written with innerHTML, so its cost per token
// grows with the reply's length. It reads the same OpenAI-format SSE stream from the same mock.
//
// "Every delta" means every SSE event in each network chunk the reader returns; when events arrive
// faster than it renders, a chunk carries several and it renders once for them, as a naive
// `for await (chunk of stream) setText(...)` does. Rendering once per event instead would take
// minutes per 10,000-token run and the bench must finish in ten.
import { marked } from 'marked';
import { readOpenAiDeltas } from '../page/openai-sse-feed';

/** Each render's cost and the reply's length then: shows the cost per update growing with length. */
interface RenderTiming {
  characters: number;
  ms: number;
}
const renders: RenderTiming[] = [];

async function stream(url: string, apiKey: string, prompt: string): Promise<void> {
  renders.length = 0;
  const main = document.getElementById('main') as HTMLElement;
  main.replaceChildren();
  const reply = document.createElement('div');
  reply.className = 'markdown-body';
  main.append(reply);
  let text = '';
  await readOpenAiDeltas(url, apiKey, prompt, (added) => {
    text += added;
    const started = performance.now();
    reply.innerHTML = marked.parse(text, { async: false });
    renders.push({ characters: text.length, ms: performance.now() - started });
  });
}

(window as Window & { __baseline?: { stream: typeof stream; renders: RenderTiming[] } }).__baseline = { stream, renders };
