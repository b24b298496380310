import type { ImagePart } from '../../byok/types';

export function AttachmentStrip({ images, onRemove }: { images: ImagePart[]; onRemove(index: number): void }) {
  if (images.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 px-3 pt-3" aria-label="Attached images">
      {images.map((image, index) => (
        <li key={index} className="relative">
          <img src={image.dataUrl} alt={`Attachment ${index + 1}`} className="size-16 rounded-lg object-cover ring-1 ring-slate-300 dark:ring-slate-700" />
          <button
            type="button"
            onClick={() => onRemove(index)}
            aria-label={`Remove attachment ${index + 1}`}
            className="absolute -right-2 -top-2 flex size-6 items-center justify-center rounded-full bg-slate-800 text-xs text-white shadow hover:bg-slate-700"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
