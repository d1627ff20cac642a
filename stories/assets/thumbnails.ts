/**
 * Poster pictures for the recordings stories: plain SVG served by msw from the story's own origin,
 * as an organizer would serve them (never a provider's thumbnail URL).
 */
export function thumbnailSvg(label: string, hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">
  <rect width="320" height="180" fill="hsl(${hue} 45% 35%)"/>
  <circle cx="250" cy="40" r="70" fill="hsl(${hue} 50% 45%)"/>
  <text x="20" y="40" font-family="system-ui, sans-serif" font-size="22" fill="#fff">${label}</text>
</svg>`;
}
