export { changeSet, listAudit, recordAudit, SYSTEM_AUDIT_CONTEXT, verifyAuditChain } from './audit.usecases.js';
export type { AuditContext, AuditEntry, ChainVerification } from './audit.usecases.js';
export { auditContextOf, registerAuditRoutes } from './audit.routes.js';
