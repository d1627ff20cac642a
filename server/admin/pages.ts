import type { FastifyReply, FastifyRequest } from 'fastify';

const UI = ['en', 'fr', 'es', 'ar'] as const;
type Ui = (typeof UI)[number];

/** `?lang=` first, then the browser's Accept-Language, then English. */
export function pageLanguage(request: FastifyRequest): Ui {
  const asked = (request.query as { lang?: string } | undefined)?.lang;
  const wanted = [asked, ...(request.headers['accept-language'] ?? '').split(',').map((part) => part.split(';')[0])];
  for (const tag of wanted) {
    const primary = tag?.trim().toLowerCase().split('-')[0];
    if ((UI as readonly string[]).includes(primary ?? '')) return primary as Ui;
  }
  return 'en';
}

const TITLES: Record<Ui, { console: string; present: string }> = {
  en: { console: 'Organizer console', present: 'Presenter view' },
  fr: { console: 'Console de l’organisateur', present: 'Vue de présentation' },
  es: { console: 'Consola del organizador', present: 'Vista de presentación' },
  ar: { console: 'لوحة المنظِّم', present: 'عرض المقدِّم' },
};

/**
 * The console's pages lock themselves down: our script only, no inline code or style from anywhere,
 * not framed by another site, never cached, no referrer (a path names a poll).
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function escapeAttr(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, kind: 'console' | 'present', attrs: Record<string, string> = {}): FastifyReply {
  const lang = pageLanguage(request);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const tag = kind === 'console' ? 'civic-admin-console' : 'civic-presenter';
  const attributes = Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  const html = `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${TITLES[lang][kind]}</title>
<link rel="icon" href="/admin/icon.svg">
<link rel="stylesheet" href="/admin/page.css">
<script type="module" src="/admin/console.js"></script>
</head>
<body>
<${tag}${attributes}></${tag}>
</body>
</html>
`;
  return reply
    .type('text/html; charset=utf-8')
    .header('Content-Security-Policy', CSP)
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .header('X-Content-Type-Options', 'nosniff')
    .send(html);
}

/** A square with a bar chart: the tab of the console and the presenter view. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f4fbf"/>' +
  '<path fill="#fff" d="M3 9h2v4H3zM7 5h2v8H7zM11 7h2v6h-2z"/></svg>';

/** The page around the element: no margin, the element's own colours to the edges. */
export const PAGE_CSS = 'html,body{margin:0;min-height:100%}body{background:Canvas;color:CanvasText}';
