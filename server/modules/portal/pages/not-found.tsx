import { Layout } from './layout.js';
import type { View } from './view.js';

/** An unknown or unpublished cooperation or region: an HTML 404 that leads back to search. */
export const NotFoundPage = ({ view }: { view: View }) => (
  <Layout view={view} title={view.t('notFound.title')} description={view.t('notFound.text')}>
    <h1>{view.t('notFound.title')}</h1>
    <p>{view.t('notFound.text')}</p>
    <p><a class="button button-primary" href="/">{view.t('notFound.back')}</a></p>
  </Layout>
);
