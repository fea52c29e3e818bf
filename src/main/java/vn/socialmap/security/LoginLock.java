package vn.socialmap.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lockout counter as single statements on the account's row, so that parallel sign-ins
 * are counted one after another under the row's lock instead of racing on a loaded copy:
 * thirty wrong passwords at once lock the account once, and no attempt is lost.
 */
@Component
class LoginLock {

    private final JdbcClient jdbc;

    LoginLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one failure unless the account is locked; the failure that reaches {@code max}
     * locks it until {@code until}.
     *
     * @return whether this failure locked the account
     */
    boolean countFailure(String username, int max, Instant now, Instant until) {
        return jdbc.sql("""
                        update app_user
                        set failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end,
                            locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
                        where username = :username and (locked_until is null or locked_until <= :now)
                        returning locked_until is not null and locked_until = :until""")
                .param("max", max).param("username", username)
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query(Boolean.class).optional().orElse(false);
    }

    /** After a correct password: the count starts again; a lock still running stays. */
    void clearAfterSuccess(String username, Instant now) {
        jdbc.sql("""
                        update app_user set failed_attempts = 0, locked_until = null
                        where username = :username and (failed_attempts > 0 or locked_until is not null)
                          and (locked_until is null or locked_until <= :now)""")
                .param("username", username).param("now", Timestamp.from(now)).update();
    }

    /** Read now, not from the copy loaded before the password was checked. */
    boolean lockedNow(String username, Instant now) {
        return jdbc.sql("select count(*) > 0 from app_user where username = :username and locked_until > :now")
                .param("username", username).param("now", Timestamp.from(now)).query(Boolean.class).single();
    }
}
