import { chmodSync } from 'node:fs';
import { defineConfig } from 'vite';

/** The `citelens` command-line tool: the core and the CLI shell bundled for Node; npm packages stay external. */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      output: { entryFileNames: 'citelens.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  plugins: [
    {
      name: 'citelens-executable',
      // The bin must be executable for `npx citelens` and a global install.
      writeBundle(options) {
        chmodSync(`${options.dir}/citelens.js`, 0o755);
      },
    },
  ],
});
