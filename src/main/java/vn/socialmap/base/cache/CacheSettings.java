package vn.socialmap.base.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caches of computed answers (map layers, status counts, plan progress).
 *
 * @param enabled off for benchmarks that time the computation itself
 * @param ttl     how long an answer is kept at most: changes made on another node are
 *                seen after this long (this node's own changes are seen at once)
 */
@ConfigurationProperties("socialmap.cache")
public record CacheSettings(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration ttl) {
}
