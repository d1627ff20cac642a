// `cem analyze` reads this file by itself.
export default {
  globs: ['src/**/*.ts'],
  // The console is the server's page, not part of the published library.
  exclude: ['src/**/*.test.ts', 'src/bundle.ts', 'src/admin/**'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // The analyzer also lists each `dispatchEvent(new SomeEvent())` as an event without a name;
      // the named `@fires` entries in the JSDoc already describe them.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
