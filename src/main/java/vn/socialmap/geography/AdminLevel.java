package vn.socialmap.geography;

import java.util.Locale;
import java.util.Optional;

/** Levels of the 2022 structure; the 2025 reform keeps PROVINCE and COMMUNE only. */
public enum AdminLevel implements vn.socialmap.base.web.ApiValue {
    PROVINCE, DISTRICT, COMMUNE;

    /** The level below this one, if any. */
    public Optional<AdminLevel> child() {
        return switch (this) {
            case PROVINCE -> Optional.of(DISTRICT);
            case DISTRICT -> Optional.of(COMMUNE);
            case COMMUNE -> Optional.empty();
        };
    }

    public String apiName() {
        return apiValue();
    }

    public static Optional<AdminLevel> fromApiName(String value) {
        for (AdminLevel level : values()) {
            if (level.apiName().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
