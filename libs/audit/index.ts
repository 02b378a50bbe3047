export { type AuditEntry, type AuditFilter, AuditLogService, type AuditPage, type AuditRecord, MAX_AUDIT_PAGE } from './audit-log.service.js';
export { AuditModule } from './audit.module.js';
