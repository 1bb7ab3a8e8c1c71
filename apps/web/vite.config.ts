import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const bff = process.env.CONSOLE_DEV_BFF ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: bff, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    reportCompressedSize: true,
  },
});
