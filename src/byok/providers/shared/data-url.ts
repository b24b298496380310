import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { BYOKProvider } from '../../types';

export interface DecodedDataUrl {
  mimeType: string;
  base64: string;
}

/** Splits `data:image/png;base64,....` for providers that want the parts separately. */
export function splitImageDataUrl(dataUrl: string, provider: BYOKProvider): DecodedDataUrl {
  const match = /^data:(image\/[A-Za-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]*)$/.exec(dataUrl);
  if (!match?.[1] || match[2] === undefined) {
    throw new BYOKError(BYOK_ERROR_CODES.INVALID_REQUEST, 'An attached image is not a base64 data:image URL.', { provider });
  }
  return { mimeType: match[1], base64: match[2].replace(/\s/g, '') };
}
