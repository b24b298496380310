// A conversation is named after its first message until the user renames it.
const MAXIMUM_TITLE_LENGTH = 60;
export const UNTITLED_CONVERSATION = 'New conversation';

/** Strips Markdown noise and test directives, keeps the first line, cuts at a word boundary. */
export function createConversationTitle(firstMessage: string): string {
  const firstLine = firstMessage
    .replace(/\[\[mock:[^\]]*\]\]/g, ' ')
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^\s*(#+|[-*>]|\d+\.)\s+/, '').replace(/[*_`~]/g, '').trim())
    .find((line) => line.length > 0);
  if (!firstLine) return UNTITLED_CONVERSATION;
  const collapsed = firstLine.replace(/\s+/g, ' ');
  if (collapsed.length <= MAXIMUM_TITLE_LENGTH) return collapsed;
  const cut = collapsed.slice(0, MAXIMUM_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAXIMUM_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
