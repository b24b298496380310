// Image attachments: only the formats every vision provider accepts, within a size a request can
// carry, read on this device into a data: URL (no upload anywhere but the provider's request).
// The format is read from the file's first bytes, never from its name or the type the browser
// guessed from the name: a text file renamed .png is refused instead of sent as a broken image.
import type { ImagePart } from '../../byok/types';

export const ACCEPTED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
export const MAXIMUM_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAXIMUM_ATTACHMENTS = 4;

export interface AttachmentCheck {
  accepted: File[];
  refusal: string | null;
}

/** Which files can be attached, and why the others cannot (one reason, the first met). */
export function checkImageFiles(files: File[], visionModelName: string | null, alreadyAttached: number): AttachmentCheck {
  if (files.length === 0) return { accepted: [], refusal: null };
  if (visionModelName === null) return { accepted: [], refusal: 'This model cannot read images. Pick a model with vision to attach one.' };
  const accepted: File[] = [];
  let refusal: string | null = null;
  for (const file of files) {
    if (file.type !== '' && !ACCEPTED_IMAGE_TYPES.includes(file.type)) refusal = notAnImage(file);
    else if (file.size > MAXIMUM_IMAGE_BYTES) refusal = `${file.name || 'That image'} is larger than 5 MB.`;
    else if (alreadyAttached + accepted.length >= MAXIMUM_ATTACHMENTS) refusal = `At most ${MAXIMUM_ATTACHMENTS} images per message.`;
    else accepted.push(file);
  }
  return { accepted, refusal };
}

function notAnImage(file: File): string {
  return `${file.name || 'That file'} is not a PNG, JPEG, GIF or WebP image.`;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0): boolean => signature.every((byte, index) => bytes[offset + index] === byte);

/** The image type the bytes say, or null: PNG, JPEG, GIF87a/89a and RIFF…WEBP signatures. */
export function detectImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  return btoa(binary);
}

/** Reads the file; rejects with words for people when its bytes are not one of the four formats. */
export async function readImageFile(file: File): Promise<ImagePart> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  if (type === null) throw new Error(`${notAnImage(file)} Its contents are not an image, whatever its name says.`);
  return { type: 'image', dataUrl: `data:${type};base64,${encodeBase64(bytes)}` };
}
