package vn.socialmap.base.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentAnswersTest {

    private final AtomicInteger computed = new AtomicInteger();

    private String answer(String key) {
        computed.incrementAndGet();
        return key.toUpperCase();
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromTheCache() {
        RecentAnswers<String> cache = new RecentAnswers<>(2, new CacheSettings(true, Duration.ofMinutes(1)));
        assertThat(cache.get("a", () -> answer("a"))).isEqualTo("A");
        assertThat(cache.get("a", () -> answer("a"))).isEqualTo("A");
        assertThat(computed).hasValue(1);
    }

    @Test
    void theLeastRecentlyUsedAnswerIsDroppedFirst() {
        RecentAnswers<String> cache = new RecentAnswers<>(2, new CacheSettings(true, Duration.ofMinutes(1)));
        cache.get("a", () -> answer("a"));
        cache.get("b", () -> answer("b"));
        cache.get("a", () -> answer("a"));
        cache.get("c", () -> answer("c")); // drops b, used less recently than a
        cache.get("a", () -> answer("a"));
        assertThat(computed).hasValue(3);
        cache.get("b", () -> answer("b"));
        assertThat(computed).hasValue(4);
    }

    @Test
    void anAnswerOlderThanItsTimeToLiveIsComputedAgain() {
        RecentAnswers<String> cache = new RecentAnswers<>(2, new CacheSettings(true, Duration.ZERO));
        cache.get("a", () -> answer("a"));
        cache.get("a", () -> answer("a"));
        assertThat(computed).hasValue(2);
    }

    @Test
    void disabledCachesComputeEveryTime() {
        RecentAnswers<String> cache = new RecentAnswers<>(2, new CacheSettings(false, Duration.ofMinutes(1)));
        cache.get("a", () -> answer("a"));
        cache.get("a", () -> answer("a"));
        assertThat(computed).hasValue(2);
    }
}
