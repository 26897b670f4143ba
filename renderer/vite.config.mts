import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The UI is served from app://rmk/ in Electron and from 127.0.0.1 in the browser mode: relative paths.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
});
