import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      // The library server (a utility process) and the import, integrity check, export and
      // Parquet encoding workers are entries of their own, beside the bundle; shared chunks sit beside them too,
      // so the workers' relative URLs resolve from any chunk.
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          libraryServer: resolve(__dirname, 'src/main/server/utilityMain.ts'),
          extractWorker: resolve(__dirname, 'src/main/import/extractWorker.ts'),
          integrityWorker: resolve(__dirname, 'src/main/storage/integrityWorker.ts'),
          exportWorker: resolve(__dirname, 'src/main/export/exportWorker.ts'),
          parquetEncodeWorker: resolve(__dirname, 'src/main/export/writers/parquetEncodeWorker.ts'),
          // The command line, compiled (bin/imr-review.js runs it while it is newer than the sources), and the batch's worker it starts.
          cli: resolve(__dirname, 'src/main/cli/run.ts'),
          recordWorker: resolve(__dirname, 'src/main/batch/recordWorker.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        output: {
          // pdf.js's standard fonts keep their own names in a folder of their own: its worker
          // fetches them by name from there (pdfDocument.ts).
          assetFileNames: (asset) =>
            asset.originalFileNames.some((file) => file.includes('pdfjs-dist/standard_fonts/')) ? 'assets/standard_fonts/[name][extname]' : 'assets/[name]-[hash][extname]',
        },
      },
    },
    plugins: [react()],
  },
});
