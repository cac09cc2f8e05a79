export { registerReferenceRoutes } from './reference.routes.js';
export { findUnknownReferences, getRegion, listRegions, syncReferenceData } from './reference.usecases.js';
