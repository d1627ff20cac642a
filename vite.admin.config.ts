import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig } from 'vite';

// The organizer's console and presenter view: one file served by the reference server at
// /admin/console.js, built apart from the visitors' civic-widgets.js so that none of it reaches them.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplateLiterals({ include: ['src/**/*.ts'] })],
  build: {
    outDir: 'dist/admin',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/admin/define.ts',
      formats: ['es'],
      fileName: () => 'console.js',
    },
    rolldownOptions: {
      output: { minify: true },
    },
  },
});
