package vn.socialmap.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins    failures in a row that lock an account
 * @param lockout            how long a locked account stays locked
 * @param breakGlassDuration how long a break-the-glass grant lasts
 * @param minCount           counts from 1 to minCount - 1 are shown as "&lt;minCount" to roles without person access
 * @param initialAdminUsername first admin, created at start when no admin exists (outside demo mode)
 * @param initialAdminPassword its password, to be changed at first login
 */
@ConfigurationProperties("socialmap.security")
public record SecuritySettings(int maxFailedLogins, Duration lockout, Duration breakGlassDuration, int minCount,
                               String initialAdminUsername, String initialAdminPassword) {

    public SecuritySettings {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        breakGlassDuration = breakGlassDuration == null ? Duration.ofHours(3) : breakGlassDuration;
        minCount = minCount <= 1 ? 5 : minCount;
    }
}
