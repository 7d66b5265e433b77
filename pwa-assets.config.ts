import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config';

// One source image for every icon; vite-plugin-pwa's `pwaAssets` runs this at build time.
export const THEME_COLOR = '#0f4c5c';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    // The maskable icon's safe-zone padding takes the brand colour rather than white.
    maskable: { ...minimal2023Preset.maskable, resizeOptions: { background: THEME_COLOR } },
    apple: { ...minimal2023Preset.apple, resizeOptions: { background: THEME_COLOR } },
  },
  images: ['public/tickmark.svg'],
});
