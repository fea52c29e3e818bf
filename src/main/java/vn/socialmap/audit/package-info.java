/**
 * The audit log: every look at and change of person data, every denied access, every
 * administrative action, in an append-only hash chain that shows tampering.
 * Callers record through {@link vn.socialmap.audit.AuditLog}; who is acting comes from
 * an {@link vn.socialmap.audit.ActorResolver} that the security module provides.
 */
package vn.socialmap.audit;
