/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { AS_IN_STORY, withCivicGlobals } from './globals.js';
import { fixtureAssets } from '../stories/support/fixture-assets.js';
import '../src/bundle.js';

// `npm run manifest` writes custom-elements.json (git-ignored); a glob keeps type-checking and a
// manifest-less start working, with controls coming back as soon as the manifest exists.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default as Manifest | undefined;
if (manifest) setCustomElementsManifest(publicApi(manifest));

interface Manifest {
  modules?: { declarations?: { members?: { privacy?: string; static?: boolean }[] }[] }[];
}

/** Controls for the public API only: the analyzer also lists private fields (controllers, caches). */
function publicApi(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => !member.static && (member.privacy ?? 'public') === 'public'),
      })),
    })),
  };
}

type ArgType = { type?: { name?: string }; control?: unknown; table?: { type?: { summary?: string } } };

/**
 * Controls a designer can use for every public attribute: the analyzer types `src` as
 * `string | undefined` (an "object" control to Storybook) and CSS custom properties as void (a color
 * control then warns "received void"). Strings get a text field, numbers a number field, CSS
 * properties a text or color field.
 */
function usableControl(name: string, argType: ArgType): ArgType {
  if (name.startsWith('--')) return { ...argType, type: { name: 'string' }, control: { type: /(color|background)$/i.test(name) ? 'color' : 'text' } };
  const summary = argType.table?.type?.summary ?? '';
  if (argType.control && (argType.control as { type?: string }).type !== 'object') return argType;
  if (/^(number)( \| undefined)?$/.test(summary)) return { ...argType, control: { type: 'number' } };
  if (/^(boolean)( \| undefined)?$/.test(summary)) return { ...argType, control: { type: 'boolean' } };
  if (/^(string)( \| undefined)?$/.test(summary)) return { ...argType, control: { type: 'text' } };
  return argType;
}

async function startWorker() {
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker(...fixtureAssets);
  await worker.start({
    quiet: true,
    // Only the mocked namespaces matter; Storybook's own modules and assets pass through silently.
    onUnhandledRequest(request, print) {
      if (/^\/(mock|api)\//.test(new URL(request.url).pathname)) print.warning();
    },
  });
  return worker;
}

const preview: Preview = {
  // A Docs page per element, from custom-elements.json: attributes, properties, events, slots, parts, CSS properties.
  tags: ['autodocs'],
  argTypesEnhancers: [(context) => Object.fromEntries(Object.entries(context.argTypes).map(([name, argType]) => [name, usableControl(name, argType as ArgType)]))],
  // msw-storybook-addon 3: the loader starts the worker (from .storybook/public) and installs each
  // story's `parameters.msw` handlers. The fixtures' pictures and captions are initial handlers, which
  // survive the loader's resetHandlers() between stories.
  loaders: [mswLoader(startWorker)],
  decorators: [(story, context) => withCivicGlobals(story, context.globals)],
  parameters: {
    controls: { expanded: true, matchers: { color: /(color|background)$/i } },
    layout: 'padded',
    // Each story of a Docs page in its own frame, so that its mocked endpoints (msw loaders) are its own.
    docs: { story: { inline: false, height: '360px' } },
  },
  initialGlobals: { locale: 'en', theme: AS_IN_STORY, timeZone: AS_IN_STORY },
  globalTypes: {
    locale: {
      description: 'Language (sets lang and dir on the wrapper)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'العربية (RTL)' },
        ],
      },
    },
    theme: {
      description: 'theme attribute on every widget',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: AS_IN_STORY, title: 'Theme as in story' },
          { value: 'auto', title: 'auto' },
          { value: 'light', title: 'light' },
          { value: 'dark', title: 'dark' },
        ],
      },
    },
    timeZone: {
      description: 'time-zone attribute on every widget (any other IANA zone: type it in the time-zone control)',
      toolbar: {
        title: 'Time zone',
        icon: 'time',
        dynamicTitle: true,
        items: [
          { value: AS_IN_STORY, title: 'Zone as in story' },
          { value: 'local', title: 'local (visitor)' },
          { value: 'event', title: 'event' },
          { value: 'America/Los_Angeles', title: 'America/Los_Angeles' },
          { value: 'America/New_York', title: 'America/New_York' },
          { value: 'Europe/Madrid', title: 'Europe/Madrid' },
          { value: 'Africa/Nairobi', title: 'Africa/Nairobi' },
          { value: 'Asia/Seoul', title: 'Asia/Seoul' },
          { value: 'Pacific/Auckland', title: 'Pacific/Auckland' },
        ],
      },
    },
  },
};

export default preview;
