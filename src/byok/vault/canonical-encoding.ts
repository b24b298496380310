// One unambiguous string for a list of fields, used as AES-GCM additional data. Each field is
// prefixed with its length, so "a|b" + "c" can never collide with "a" + "b|c".
export function encodeCanonical(fields: ReadonlyArray<string | number>): string {
  return fields
    .map((field) => {
      const text = String(field);
      return `${text.length}:${text}`;
    })
    .join('|');
}
