import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    // `ANALYZE=1 npm run build:ui` writes dist/admin-ui/stats.html (treemap of what each chunk holds, raw and gzipped);
    // `ANALYZE=json` writes the same data as dist/admin-ui/stats.json, to compare builds with a script.
    ...(process.env.ANALYZE
      ? [
          visualizer({
            filename: `${root}../dist/admin-ui/stats.${process.env.ANALYZE === 'json' ? 'json' : 'html'}`,
            template: process.env.ANALYZE === 'json' ? 'raw-data' : 'treemap',
            gzipSize: true,
          }),
        ]
      : []),
  ],
  resolve: {
    // node-polyglot's one polyfill, for a built-in every supported browser has (see the file).
    alias: { 'object.entries': `${root}src/shims/object-entries.cjs` },
  },
  // Nothing in public/ for now; keep Vite from looking for a folder outside admin-ui.
  publicDir: false,
  build: {
    outDir: '../dist/admin-ui',
    emptyOutDir: true,
    rolldownOptions: {
      // Two pages: the staff console, and the customers' online form (served at /form/ by the API).
      input: { main: `${root}index.html`, form: `${root}form.html` },
      output: {
        // Vendor code changes far less often than the console itself: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            // The translator the customer form shares with the console (node-polyglot and what it requires): in its own
            // chunk, so the public form does not download the console's vendor code. A dependency missing here only
            // lands in `vendor` (bigger form download, still correct).
            {
              name: 'polyglot',
              test: /node_modules[\\/](node-polyglot|ra-i18n-polyglot|object\.entries|warning|hasown|async-function|async-generator-function|call-bind|call-bind-apply-helpers|call-bound|define-data-property|define-properties|dunder-proto|es-define-property|es-errors|es-object-atoms|function-bind|generator-function|get-intrinsic|get-proto|gopd|has-property-descriptors|has-symbols|js-tokens|loose-envify|math-intrinsics|object-keys|set-function-length)[\\/]/,
              priority: 15,
            },
          ],
        },
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
