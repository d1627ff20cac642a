import { unsafeCSS } from 'lit';

/**
 * The colour tokens, light and dark: `--civic-color-<name>` sets one for both schemes (or use
 * `light-dark(<light>, <dark>)` as its value to set each). Each default pair meets WCAG AA on the
 * matching surface. `on-accent` is not here: it is derived from the accent (see host-styles.ts).
 */
export const palette: readonly (readonly [name: string, light: string, dark: string])[] = [
  ['accent', '#0b57a4', '#8ab4f8'],
  ['text', '#1c2430', '#e8eaed'],
  ['muted', '#4f5b6b', '#b4bcc8'],
  ['surface', '#ffffff', '#17191c'],
  ['subtle', '#f1f4f8', '#23272c'],
  ['border', '#c9d1dc', '#4a525d'],
  ['live', '#b3261e', '#f28b82'],
  ['danger', '#b3261e', '#f28b82'],
  ['success', '#1b6e3a', '#81c995'],
  ['focus', '#1a73e8', '#8ab4f8'],
];

const token = (name: string, value: string) => `--_${name}: var(--civic-color-${name}, ${value});`;
const rule = (selector: string, pick: (light: string, dark: string) => string) =>
  `${selector} { ${palette.map(([name, light, dark]) => token(name, pick(light, dark))).join(' ')} }`;

/**
 * The palette as `--_<name>` on the host, written once: `light-dark()` picks each colour from the
 * widget's used `color-scheme`, which `theme` sets and `theme="auto"` inherits from the host page (its
 * `<meta name="color-scheme">` or `:root { color-scheme }`), so a page that declares no dark scheme gets
 * no dark boxes. Where `light-dark()` is unknown, the same table gives light, and dark for `theme="dark"`.
 * (Generated here, apart from host-styles.ts, whose `css` the build can then still minify.)
 */
export const paletteStyles = unsafeCSS(
  [
    rule(':host', (light) => light),
    rule(":host([theme='dark'])", (_, dark) => dark),
    // Same specificity as the rule above and later: the one palette wins wherever it is understood.
    `@supports (color: light-dark(#000, #fff)) { ${rule(':host, :host([theme])', (light, dark) => `light-dark(${light}, ${dark})`)} }`,
  ].join('\n'),
);
