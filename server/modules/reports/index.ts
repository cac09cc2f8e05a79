export { registerReportRoutes, type ReportDeps } from './reports.routes.js';
export { dueReports, computeFigures, type DueReport, type TenantDueReports } from './reports.usecases.js';
export { periodBounds, dueDateOf, type ReportFigures } from './figures.models.js';
export { periodicReport as periodicReportTable } from './reports.tables.js';
export { generateReport, submitReport, acceptReport } from './reports.usecases.js';
export { reportJobs, reportSchedules, runReportReminders } from './reports.jobs.js';
export { registerDashboardRoutes, type DashboardDeps } from './dashboards.routes.js';
export { getDashboard } from './dashboards.usecases.js';
export { reassignOpenReports } from './handover.repository.js';
