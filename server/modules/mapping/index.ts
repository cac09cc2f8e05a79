export { registerTkksdRoutes, type TkksdDeps } from './tkksd.routes.js';
export { registerLiaisonRoutes } from './liaisons.routes.js';
export { getTeam, createPeriod, createMember, endMember, handOverMember } from './tkksd.usecases.js';
export { listLiaisons, appointLiaison, endLiaison, handOverLiaison } from './liaisons.usecases.js';
export { liaisonCoverage, isActiveOn as isAppointmentActiveOn } from './tkksd.models.js';
