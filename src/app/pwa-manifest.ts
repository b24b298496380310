// The web app manifest, kept as data so the build config and the tests read the same values.
import type { ManifestOptions } from 'vite-plugin-pwa';

export const THEME_COLOR = '#4f46e5';
export const BACKGROUND_COLOR = '#0b1020';

export const pwaManifest: Partial<ManifestOptions> = {
  name: 'VIVIM BYOK',
  short_name: 'VIVIM',
  description:
    'Chat with OpenAI, Anthropic, Gemini, xAI and Mistral using your own API keys, kept in an encrypted vault in your browser. No server in between.',
  id: '/',
  // With a vault the app opens on the chat, without one on the vault (app.tsx decides at "/").
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: THEME_COLOR,
  background_color: BACKGROUND_COLOR,
  categories: ['productivity', 'utilities', 'developer'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
