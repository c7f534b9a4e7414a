import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server during `vite` dev; in production the server itself serves dist/. */
const serverOrigin = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // `@/…` imports resolve through the `paths` of tsconfig.json.
  resolve: { tsconfigPaths: true },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: false },
      '/healthz': { target: serverOrigin, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // React and the router change only on upgrades: their own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
