/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app is served from the binary by Tauri: relative asset paths, no dev server needed.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  clearScreen: false,
  build: { target: 'safari15', outDir: 'dist', emptyOutDir: true, sourcemap: false },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
