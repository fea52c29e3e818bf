package vn.socialmap.base.cache;

import org.springframework.stereotype.Component;

/** Makes the {@link RecentAnswers} caches of the services, all under the same settings. */
@Component
public class AnswerCaches {

    private final CacheSettings settings;

    AnswerCaches(CacheSettings settings) {
        this.settings = settings;
    }

    public <V> RecentAnswers<V> create(int capacity) {
        return new RecentAnswers<>(capacity, settings);
    }
}
