// base64 for the encrypted values kept as text (key records, the vault header, backups).

/** The native base64 codec of newer engines (Chromium 140+); ten times faster than a byte loop. */
const nativeBase64 = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

export function encodeBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (typeof nativeBase64.fromBase64 === 'function') return nativeBase64.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
