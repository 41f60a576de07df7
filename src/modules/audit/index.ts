// Face of the audit module: the trail's verification (the `vincula audit verify` command).
// Recording an entry is a platform tool (platform/audit/record-audit.ts): every module audits its
// changes.
export { verifyAuditTrail } from './verify-audit-trail';
