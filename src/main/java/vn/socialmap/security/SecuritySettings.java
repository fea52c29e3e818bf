package vn.socialmap.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins    failures in a row that lock an account
 * @param lockout            how long a locked account stays locked
 * @param breakGlassDuration how long a break-the-glass grant lasts
 * @param breakGlassPerDay   how many records one user may open outside their area in a day
 * @param initialAdminUsername first admin, created at start when no admin exists (outside demo mode)
 * @param initialAdminPassword its password, to be changed at first login
 * @param metricsNetworks    addresses (CIDR) from which the Prometheus endpoint is read without signing in;
 *                           from elsewhere it takes an admin's credentials
 */
@ConfigurationProperties("socialmap.security")
public record SecuritySettings(int maxFailedLogins, Duration lockout, Duration breakGlassDuration, int breakGlassPerDay,
                               String initialAdminUsername, String initialAdminPassword,
                               List<String> metricsNetworks) {

    public SecuritySettings {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        breakGlassDuration = breakGlassDuration == null ? Duration.ofHours(3) : breakGlassDuration;
        breakGlassPerDay = breakGlassPerDay <= 0 ? 5 : breakGlassPerDay;
        metricsNetworks = metricsNetworks == null ? List.of("127.0.0.1/32", "::1/128") : List.copyOf(metricsNetworks);
    }
}
