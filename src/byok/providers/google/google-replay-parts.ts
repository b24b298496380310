// Records the parts of a Gemini reply that must go back in the next request: every thoughtSignature
// on the same part it arrived on (mandatory for Gemini 3 function calls; providers-reasoning.md
// §4.3). Answer text is merged into one part; thought text is dropped unless it carries a signature.
import type { JsonRecord } from '../shared/json-values';
import { readBoolean, readRecord, readString } from '../shared/json-values';

export type GoogleReplayPart =
  | { text: string; thought?: true; thoughtSignature?: string }
  | { functionCall: { name: string; args: Record<string, unknown>; id?: string }; thoughtSignature?: string };

export class GoogleReplayParts {
  private readonly parts: GoogleReplayPart[] = [];
  private signed = false;

  add(part: JsonRecord): void {
    const signature = readString(part, 'thoughtSignature');
    if (signature) this.signed = true;
    const withSignature = signature ? { thoughtSignature: signature } : {};
    const functionCall = readRecord(part, 'functionCall');
    if (functionCall) {
      const id = readString(functionCall, 'id');
      const call = { name: readString(functionCall, 'name') ?? '', args: readRecord(functionCall, 'args') ?? {}, ...(id ? { id } : {}) };
      this.parts.push({ functionCall: call, ...withSignature });
      return;
    }
    const text = readString(part, 'text') ?? '';
    if (readBoolean(part, 'thought') === true) {
      if (signature) this.parts.push({ text, thought: true, ...withSignature });
      return;
    }
    const last = this.parts[this.parts.length - 1];
    // A signature on a trailing empty part belongs to the answer text before it.
    if (last && 'text' in last && !last.thought && last.thoughtSignature === undefined) {
      last.text += text;
      if (signature) last.thoughtSignature = signature;
    } else if (text !== '' || signature) {
      this.parts.push({ text, ...withSignature });
    }
  }

  /** The parts to replay, or none when no signature came (then nothing needs sending back). */
  takeReplayItems(): GoogleReplayPart[] {
    return this.signed ? this.parts.filter((part) => !('text' in part) || part.text !== '' || part.thoughtSignature !== undefined) : [];
  }
}
