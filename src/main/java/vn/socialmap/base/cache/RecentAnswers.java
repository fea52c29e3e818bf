package vn.socialmap.base.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The answers to recent questions, the least recently used dropped first and none kept
 * longer than the settings' time to live. Keys must name everything the answer depends on
 * (versions of the data included), so that a change makes a new key. Answers are computed
 * outside the lock: two threads asking the same new question may both compute it, but no
 * question waits for another one's computation.
 */
public final class RecentAnswers<V> {

    private record Answer<V>(V value, long at) {
    }

    private final Map<String, Answer<V>> entries;
    private final CacheSettings settings;

    RecentAnswers(int capacity, CacheSettings settings) {
        this.settings = settings;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    public V get(String key, Supplier<V> compute) {
        if (!settings.enabled()) {
            return compute.get();
        }
        long now = System.nanoTime();
        Answer<V> hit;
        synchronized (entries) {
            hit = entries.get(key);
        }
        if (hit != null && now - hit.at() < settings.ttl().toNanos()) {
            return hit.value();
        }
        V value = compute.get();
        synchronized (entries) {
            entries.put(key, new Answer<>(value, now));
        }
        return value;
    }
}
