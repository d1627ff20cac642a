import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

// The single-file bundle for <script type="module"> embeds: Lit included, every element defined.
// The npm build (Lit external, one entry per element) is plain `tsc`, see tsconfig.build.json.
export default defineConfig({
  publicDir: false,
  // The HTML and CSS inside Lit's html`` and css`` templates are strings to a minifier: minify them too.
  plugins: [minifyTemplateLiterals({ include: ['src/**/*.ts'] })],
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
