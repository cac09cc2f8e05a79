import type { Lang } from '../../../platform/i18n/i18n.js';
import type { Translate } from '../pages.i18n.js';

/** What every page view needs besides its own data: words, names of codes and its own address. */
export type View = {
  t: Translate;
  lang: Lang;
  /** This page's path with the query parameters that make it what it is (without lang). */
  path: string;
  query: Record<string, string | undefined>;
  /** Absolute origin for canonical links and the sitemap, without a trailing slash. */
  origin: string;
  cssHref: string;
  regionName: (code: string) => string;
  urusanName: (code: string) => string;
};
