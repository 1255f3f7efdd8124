import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Root is this folder (`vite build web`, or scripts/build-web.ts passes it). The app is served by
// `marsad serve` from web/dist; under `vite dev` the API is proxied to a running `marsad serve`.
// cytoscape, echarts and Leaflet are imported dynamically by their pages, so each is its own chunk
// and the search page and reader load without them.
export default defineConfig({
  base: './',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': 'http://127.0.0.1:4317' } },
});
