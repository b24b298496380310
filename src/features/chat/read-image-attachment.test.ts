import { describe, expect, it } from 'vitest';
import { checkImageFiles, detectImageType, readImageFile } from './read-image-attachment';

const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

describe('image attachments', () => {
  it('recognises the four formats by their bytes', () => {
    expect(detectImageType(new Uint8Array(PNG_BYTES))).toBe('image/png');
    expect(detectImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectImageType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(detectImageType(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(detectImageType(new TextEncoder().encode('hello, I am text'))).toBeNull();
  });

  it('refuses a text file named .png, whatever type the browser guessed', async () => {
    const fake = new File(['just some text'], 'photo.png', { type: 'image/png' });
    expect(checkImageFiles([fake], 'GPT-4o', 0).accepted).toEqual([fake]);
    await expect(readImageFile(fake)).rejects.toThrow('photo.png is not a PNG, JPEG, GIF or WebP image. Its contents are not an image');
  });

  it('reads a real image with the type its bytes say, not its name', async () => {
    const image = await readImageFile(new File([new Uint8Array(PNG_BYTES)], 'named.jpg', { type: 'image/jpeg' }));
    expect(image.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('refuses images for a model without vision', () => {
    expect(checkImageFiles([new File(['x'], 'a.png')], null, 0).refusal).toContain('cannot read images');
  });
});
