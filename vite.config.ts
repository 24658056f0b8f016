import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { epsgDefinitions } from './scripts/vite/epsgDefinitions.js';

// Cesium's static files (workers, bundled NaturalEarthII imagery, third-party decoders) are served from our own origin:
// nothing is fetched from a CDN or Cesium ion.
const CESIUM_BUILD = 'node_modules/cesium/Build/Cesium';

// Cross-origin isolation lets simulation workers share memory (SharedArrayBuffer). Every resource the app
// loads is same-origin, so require-corp costs nothing.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// The built app may talk to its own origin only (plus local WebSocket brokers and SensorThings services): the
// browser itself then enforces "no request leaves localhost". Build only: the dev server injects an inline React Refresh preamble.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self' data: blob: ws://localhost:* ws://127.0.0.1:* http://localhost:* http://127.0.0.1:*",
].join('; ');

const contentSecurityPolicy: Plugin = {
  name: 'sao-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  publicDir: 'assets',
  plugins: [
    react(),
    contentSecurityPolicy,
    epsgDefinitions(),
    viteStaticCopy({
      targets: ['Workers', 'ThirdParty', 'Assets'].map((dir) => ({
        src: `${CESIUM_BUILD}/${dir}`,
        dest: 'cesium',
      })),
    }),
  ],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: { chunkSizeWarningLimit: 6000, sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
