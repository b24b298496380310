import { useCallback, useState } from 'react';
import type { ImagePart } from '../../byok/types';
import { checkImageFiles, readImageFile } from './read-image-attachment';

export interface Attachments {
  images: ImagePart[];
  refusal: string | null;
  addFiles(files: File[]): Promise<void>;
  remove(index: number): void;
  clear(): void;
}

/** The images waiting to go with the next message; `visionModelName` null means the model has no vision. */
export function useAttachments(visionModelName: string | null): Attachments {
  const [images, setImages] = useState<ImagePart[]>([]);
  // A refusal is about the model of that moment: once another model is picked it no longer applies.
  const [refusalState, setRefusalState] = useState<{ text: string; model: string | null } | null>(null);
  const refusal = refusalState && refusalState.model === visionModelName ? refusalState.text : null;
  const setRefusal = useCallback((text: string | null) => setRefusalState(text === null ? null : { text, model: visionModelName }), [visionModelName]);

  const addFiles = useCallback(async (files: File[]) => {
    const check = checkImageFiles(files, visionModelName, images.length);
    let reason = check.refusal;
    const results = await Promise.allSettled(check.accepted.map(readImageFile));
    const read: ImagePart[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') read.push(result.value);
      else reason = result.reason instanceof Error ? result.reason.message : 'The image could not be read.';
    }
    setRefusal(reason);
    if (read.length > 0) setImages((current) => [...current, ...read]);
  }, [visionModelName, images.length, setRefusal]);

  const remove = useCallback((index: number) => {
    setImages((current) => current.filter((_, position) => position !== index));
    setRefusalState(null);
  }, []);
  const clear = useCallback(() => {
    setImages([]);
    setRefusalState(null);
  }, []);
  return { images, refusal, addFiles, remove, clear };
}
