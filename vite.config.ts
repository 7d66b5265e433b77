import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { THEME_COLOR } from './pwa-assets.config.ts';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // The page decides when a new version takes over: never while unsynced work is waiting.
      registerType: 'prompt',
      // Registered by src/client/platform/service-worker.ts with workbox-window.
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      // Icons, favicon and head links generated from public/tickmark.svg (pwa-assets.config.ts).
      pwaAssets: { config: true, overrideManifestIcons: true },
      manifest: {
        name: 'Tickmark — SOC 2 fieldwork',
        short_name: 'Tickmark',
        description: 'Offline-first fieldwork for SOC 2 audits',
        theme_color: THEME_COLOR,
        background_color: '#f5f6f3',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        lang: 'en',
      },
      workbox: {
        // The whole app shell. manifest.webmanifest is not globbed: the plugin adds it itself,
        // and a second entry with another revision makes the worker's install fail.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
});
