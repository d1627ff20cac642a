import { http, HttpResponse } from 'msw';
import { thumbnailSvg } from '../assets/thumbnails.js';

/**
 * The test fixtures name pictures and captions relative to the feed URL (`/mock/thumbs/…`,
 * `/mock/photos/…`, `/mock/captions/…`). The Storybook preview installs these for every story, so
 * that a story showing a fixture never logs a failed request.
 */
export const fixtureAssets = [
  http.get('/mock/thumbs/:name', ({ params }) => svg(thumbnailSvg(String(params.name).replace(/\.svg$/, ''), 210))),
  http.get('/mock/photos/:name', ({ params }) => svg(thumbnailSvg(String(params.name).replace(/\.svg$/, ''), 30))),
  http.get('/mock/captions/:name', () => new HttpResponse('WEBVTT\n', { headers: { 'Content-Type': 'text/vtt' } })),
];

function svg(body: string): HttpResponse<string> {
  return new HttpResponse(body, { headers: { 'Content-Type': 'image/svg+xml' } });
}
