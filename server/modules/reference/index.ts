export { registerReferenceRoutes } from './reference.routes.js';
export { getRegion, listRegions, syncReferenceData } from './reference.usecases.js';
