export { registerReferenceRoutes } from './reference.routes.js';
export { findUnknownReferences, getRegion, listRegions, listUrusan, regionNames, syncReferenceData } from './reference.usecases.js';
