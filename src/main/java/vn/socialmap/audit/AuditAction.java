package vn.socialmap.audit;

/** What was done. Person-data actions (VIEW, SEARCH, CREATE, CHANGE, EXPORT) are the ones the law cares about most. */
public enum AuditAction {
    VIEW, SEARCH, CREATE, CHANGE, EXPORT, DENIED, BREAK_GLASS,
    LOGIN, LOGIN_FAILED, LOCKED_OUT, USER_CREATED, USER_CHANGED, USER_DISABLED, PASSWORD_RESET, PASSWORD_CHANGED,
    AUDIT_VERIFIED
}
