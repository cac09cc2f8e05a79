export { registerDashboardRoutes, type DashboardDeps } from './dashboards.routes.js';
export { getDashboard } from './dashboards.usecases.js';
