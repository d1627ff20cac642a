import type { StorybookConfig } from '@storybook/web-components-vite';

// Written by hand (no init wizard); the comments below say why each setting is there.
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The msw worker lives here, not in a root public/ that the library build would copy into dist/.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    // Without this the dev server pre-bundles a second copy of Lit (two-Lits warning).
    vite.optimizeDeps = { ...vite.optimizeDeps, include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'] };
    return vite;
  },
};

export default config;
