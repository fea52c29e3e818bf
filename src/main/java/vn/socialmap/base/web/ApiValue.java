package vn.socialmap.base.web;

import java.util.Locale;

/**
 * An enum the API spells its own way ("commune", "post_rehab", "status-counts") rather than by
 * its constant's name: by default the name in lower case. Requests may use either spelling, in
 * any case, with '-' or '_'.
 */
public interface ApiValue {

    default String apiValue() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }
}
