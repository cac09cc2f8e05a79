import type { Child } from 'hono/jsx';
import { hrefWith } from '../pages.models.js';
import type { View } from './view.js';

type LayoutProps = {
  view: View;
  title: string;
  description: string;
  /** Extra module scripts (files only: the CSP forbids inline script). */
  scripts?: string[] | undefined;
  children?: Child;
};

const NAV = [
  ['/', 'site.navSearch'],
  ['/statistik', 'site.navStats'],
  ['/peta', 'site.navMap'],
  ['/data', 'site.navData'],
] as const;

/** The page in the reader's language, with the same page in the other language one link away. */
const inLang = (view: View, lang: 'id' | 'en') => hrefWith(view.path, { ...view.query, lang: lang === 'id' ? 'id' : 'en' });

/**
 * The shell of every public page: language, title, description, canonical and alternate links,
 * a skip link, landmarks (banner, navigation, main, contentinfo) and one cached stylesheet.
 */
export const Layout = ({ view, title, description, scripts, children }: LayoutProps) => {
  const { t } = view;
  const other = view.lang === 'id' ? 'en' : 'id';
  const canonical = `${view.origin}${hrefWith(view.path, { ...view.query, lang: view.lang === 'en' ? 'en' : undefined })}`;
  const current = (href: string) => (href === '/' ? view.path === '/' : view.path.startsWith(href));

  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <meta name="description" content={description} />
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hreflang="id" href={`${view.origin}${hrefWith(view.path, view.query)}`} />
        <link rel="alternate" hreflang="en" href={`${view.origin}${inLang(view, 'en')}`} />
        <link rel="stylesheet" href={view.cssHref} />
        {scripts?.map((src) => <script type="module" src={src}></script>)}
      </head>
      <body>
        <a class="skip-link" href="#main">{t('site.skip')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('site.name')}</span>
              <span class="brand-tagline">{t('site.tagline')}</span>
            </a>
            <div class="header-tools">
              <a class="lang-switch" href={inLang(view, other)} hreflang={other} lang={other}>{t('site.switchTo')}</a>
              <a class="button" href="/app/" title={t('site.signInHint')}>{t('site.signIn')}</a>
            </div>
          </div>
          <nav class="wrap site-nav" aria-label={t('site.navLabel')}>
            <ul>
              {NAV.map(([href, key]) => (
                <li><a href={href} aria-current={current(href) ? 'page' : undefined}>{t(key)}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>{children}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('site.footer')}</p>
            <p><a href="/data">{t('site.footerApi')}</a> · <a href="/sitemap.xml">{t('site.footerSitemap')}</a></p>
          </div>
        </footer>
      </body>
    </html>
  );
};
