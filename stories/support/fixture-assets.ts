import { http, HttpResponse } from 'msw';
import { thumbnailSvg } from '../assets/thumbnails.js';

/**
 * The local-democracy fixture names a thumbnail and captions relative to its URL (`/mock/thumbs/…`,
 * `/mock/captions/…`); stories that show it with <civic-recordings> serve them here, so that no
 * request fails on the console.
 */
export const fixtureAssets = [
  http.get('/mock/thumbs/:name', ({ params }) =>
    new HttpResponse(thumbnailSvg(String(params.name).replace(/\.svg$/, ''), 210), { headers: { 'Content-Type': 'image/svg+xml' } }),
  ),
  http.get('/mock/captions/:name', () => new HttpResponse('WEBVTT\n', { headers: { 'Content-Type': 'text/vtt' } })),
];
