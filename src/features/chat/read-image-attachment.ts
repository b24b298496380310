// Image attachments: only the formats every vision provider accepts, within a size a request can
// carry, read on this device into a data: URL (no upload anywhere but the provider's request).
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
    if (!ACCEPTED_IMAGE_TYPES.includes(file.type)) refusal = `${file.name || 'That file'} is not a PNG, JPEG, GIF or WebP image.`;
    else if (file.size > MAXIMUM_IMAGE_BYTES) refusal = `${file.name || 'That image'} is larger than 5 MB.`;
    else if (alreadyAttached + accepted.length >= MAXIMUM_ATTACHMENTS) refusal = `At most ${MAXIMUM_ATTACHMENTS} images per message.`;
    else accepted.push(file);
  }
  return { accepted, refusal };
}

export function readImageFile(file: File): Promise<ImagePart> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ type: 'image', dataUrl: String(reader.result) });
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(file);
  });
}
