export { registerReferenceRoutes } from './reference.routes.js';
export { findUnknownReferences, getRegion, listRegions, listUrusan, regionNames, syncReferenceData } from './reference.usecases.js';
export { registerBoundaryRoutes } from './boundaries.routes.js';
export { centroidIndex, createBoundaryStore, type BoundaryStore } from './boundaries.usecases.js';
export type { Centroid } from './boundaries.models.js';
