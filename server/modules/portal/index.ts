export { listPublished, allPublished, getPublished, listReleases, publicFreshness, releaseFeed } from './public.usecases.js';
export { publish, updateVisibility, refreshRelease, withdraw, refreshAllReleases, type PublishDeps } from './publication.usecases.js';
export { DEFAULT_VISIBILITY, isPublishable } from './portal.policy.js';
export type { PublicQuery } from './portal.schemas.js';
export { regionSummary, stats } from './figures.usecases.js';
export { registerPortalRoutes, type PortalDeps } from './portal.routes.js';
export { registerPortalPublicRoutes, type PortalPublicDeps } from './public.routes.js';
export { portalJobs, portalSchedules, PORTAL_REFRESH_JOB } from './portal.jobs.js';
export { registerPortalPages, type PortalPagesDeps } from './pages.routes.js';
