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
 * referral, a person who moved) by stating a reason of substance, for reading only. The grant
 * lasts a limited time, a user may take a few a day, it is audited with the reason, listed for
 * the admin and shown on the record to the officers whose area it is in. Which records may be
 * opened (the caller's province) is the registry's rule.
 */
@Service
@Transactional
public class BreakGlassService {

    static final int MIN_REASON = 20;
    static final int MIN_WORDS = 4;

    private final AccessGrantRepository grants;
    private final UserAccountRepository users;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;

    BreakGlassService(AccessGrantRepository grants, UserAccountRepository users, CurrentUser currentUser, AuditLog audit,
                      SecuritySettings settings, Clock clock) {
        this.grants = grants;
        this.users = users;
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
        if (!substantial(text)) {
            throw new ValidationException("reason", "breakglass.error.reason", MIN_REASON, MIN_WORDS);
        }
        Instant now = clock.instant();
        if (grants.countSince(user.id(), now.minus(java.time.Duration.ofDays(1))) >= settings.breakGlassPerDay()) {
            audit.record(AuditAction.DENIED, subjectType, List.of(subjectId), text, "break-the-glass limit of the day reached");
            throw new ValidationException("reason", "breakglass.error.limit", settings.breakGlassPerDay());
        }
        AccessGrant grant = grants.save(new AccessGrant(user.id(), subjectType, subjectId, text,
                now, now.plus(settings.breakGlassDuration())));
        audit.record(AuditAction.BREAK_GLASS, subjectType, List.of(subjectId), text, "until " + grant.getExpiresAt());
        return grant;
    }

    /**
     * A reason says something: at least {@value #MIN_REASON} characters, {@value #MIN_WORDS} words and
     * more than a handful of different letters ("aaaaaaaaaaaaaaaaaaaaa" or "xem xem xem xem" say nothing).
     */
    static boolean substantial(String text) {
        if (text.length() < MIN_REASON || text.length() > 1000) {
            return false;
        }
        String folded = vn.socialmap.base.text.VietnameseText.fold(text);
        long words = java.util.Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 2).distinct().count();
        long letters = folded.chars().filter(Character::isLetter).distinct().count();
        return words >= MIN_WORDS && letters >= 8;
    }

    /** The grants on a record, newest first, for the officers whose area it is in. */
    @Transactional(readOnly = true)
    public List<GrantSeen> grantsOn(String subjectType, String subjectId) {
        return grants.findBySubjectTypeAndSubjectIdOrderByGrantedAtDesc(subjectType, subjectId).stream()
                .map(g -> new GrantSeen(users.findById(g.getUserId()).map(UserAccount::getUsername).orElse("?"), g.getGrantedAt(),
                        g.getExpiresAt(), g.getReason()))
                .toList();
    }

    /** A grant as the record's own officers see it. */
    public record GrantSeen(String username, Instant grantedAt, Instant expiresAt, String reason) {
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
