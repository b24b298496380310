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
  const [refusal, setRefusal] = useState<string | null>(null);

  const addFiles = useCallback(async (files: File[]) => {
    const check = checkImageFiles(files, visionModelName, images.length);
    setRefusal(check.refusal);
    try {
      const read = await Promise.all(check.accepted.map(readImageFile));
      setImages((current) => [...current, ...read]);
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : 'The image could not be read.');
    }
  }, [visionModelName, images.length]);

  const remove = useCallback((index: number) => setImages((current) => current.filter((_, position) => position !== index)), []);
  const clear = useCallback(() => {
    setImages([]);
    setRefusal(null);
  }, []);
  return { images, refusal, addFiles, remove, clear };
}
