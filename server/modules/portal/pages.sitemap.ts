import type { SitemapData } from './pages.repository.js';

/** The portal's fixed pages, then every published cooperation and every region with a page. */
const STATIC_PAGES = ['/', '/statistik', '/peta', '/data'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** sitemaps.org XML; a cooperation's lastmod is its newest release. */
export const sitemapXml = (origin: string, data: SitemapData) => {
  const url = (loc: string, lastmod?: string) => `<url><loc>${escapeXml(`${origin}${loc}`)}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
  const urls = [
    ...STATIC_PAGES.map((p) => url(p)),
    ...data.cooperations.map((c) => url(`/kerja-sama/${c.id}`, c.releasedAt)),
    ...data.regions.map((r) => url(`/wilayah/${r}`)),
  ];

  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
};

/** Crawlers may read the portal and the open data, not the back office or the private API. */
export const robotsTxt = (origin: string) =>
  ['User-agent: *', 'Allow: /', 'Allow: /api/public/', 'Disallow: /app/', 'Disallow: /api/', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
