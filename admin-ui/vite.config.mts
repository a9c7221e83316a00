import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiProxy = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
