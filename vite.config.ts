import { defineConfig } from 'vite';

// The single-file bundle for <script type="module"> embeds: Lit included, every element defined.
// The npm build (Lit external, one entry per element) is plain `tsc`, see tsconfig.build.json.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/bundle.ts',
      formats: ['es'],
      fileName: () => 'civic-widgets.js',
    },
    rolldownOptions: {
      output: { minify: true },
    },
  },
});
