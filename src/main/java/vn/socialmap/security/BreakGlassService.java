package vn.socialmap.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.base.ValidationException;

/**
 * "Break the glass": a district or commune officer opens a record outside their area (a
 * referral, a person who moved) by stating a reason. The grant lasts a limited time, is
 * audited with the reason, and is listed for the admin.
 */
@Service
@Transactional
public class BreakGlassService {

    static final int MIN_REASON = 10;

    private final AccessGrantRepository grants;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;

    BreakGlassService(AccessGrantRepository grants, CurrentUser currentUser, AuditLog audit,
                      SecuritySettings settings, Clock clock) {
        this.grants = grants;
        this.currentUser = currentUser;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public AccessGrant grant(String subjectType, String subjectId, String reason) {
        AppUser user = currentUser.require();
        if (!user.role().mayBreakTheGlass()) {
            throw new ValidationException(null, "breakglass.error.role");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < MIN_REASON || text.length() > 1000) {
            throw new ValidationException("reason", "breakglass.error.reason", MIN_REASON);
        }
        Instant now = clock.instant();
        AccessGrant grant = grants.save(new AccessGrant(user.id(), subjectType, subjectId, text,
                now, now.plus(settings.breakGlassDuration())));
        audit.record(AuditAction.BREAK_GLASS, subjectType, List.of(subjectId), text, "until " + grant.getExpiresAt());
        return grant;
    }

    /** Whether the current user holds an unexpired grant for this record. */
    @Transactional(readOnly = true)
    public boolean hasActiveGrant(String subjectType, String subjectId) {
        return currentUser.get().map(u -> grants.existsActive(u.id(), subjectType, subjectId, clock.instant())).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<AccessGrant> recent() {
        return grants.findAll(Sort.by(Sort.Direction.DESC, "grantedAt"));
    }

    public Instant now() {
        return clock.instant();
    }
}
