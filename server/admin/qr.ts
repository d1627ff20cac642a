import { renderSVG } from 'uqr';

/** The vote URL as an SVG QR code: black on white whatever the theme, with the quiet zone scanners need. */
export function qrSvg(url: string): string {
  return renderSVG(url, { border: 4, ecc: 'M', pixelSize: 10 });
}

/** The vote URL to print and encode for a poll: `--vote-url` (`{poll}` replaced), else the event's page, else this server. */
export function voteUrlFor(template: string | undefined, pollId: string, eventUrl: string | undefined, origin: string): string {
  if (template) return template.replaceAll('{poll}', encodeURIComponent(pollId));
  return eventUrl ?? `${origin}/`;
}

/** What a person types: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
