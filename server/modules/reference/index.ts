export { registerReferenceRoutes } from './reference.routes.js';
export { findUnknownReferences, getRegion, listRegions, regionNames, syncReferenceData } from './reference.usecases.js';
