/**
 * Builds the bare Cesium page (scripts/bench/bare) the start-up benchmark compares the app with. Cesium's statics,
 * the demo data (`assets/`) and the COOP/COEP headers are served exactly as the app's vite.config.ts serves them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CESIUM_BUILD = `${ROOT}node_modules/cesium/Build/Cesium`;
const CESIUM_BASE_URL = '/cesium/';
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  publicDir: `${ROOT}assets`,
  define: { CESIUM_BASE_URL: JSON.stringify(CESIUM_BASE_URL) },
  plugins: [
    viteStaticCopy({
      targets: ['Workers', 'ThirdParty', 'Assets', 'Widgets'].map((dir) => ({
        src: `${CESIUM_BUILD}/${dir}`,
        dest: 'cesium',
      })),
    }),
  ],
  preview: { headers: isolationHeaders },
  build: { chunkSizeWarningLimit: 6000, sourcemap: false },
});
