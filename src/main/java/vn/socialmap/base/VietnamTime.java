package vn.socialmap.base;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/**
 * Dates as users in Vietnam see them: today is the date in Hà Nội (UTC+7), read from the
 * application's one {@link Clock}, so that tests can move time.
 */
@Component
public class VietnamTime {

    /** The zone's id, for annotations (scheduled jobs) that take a constant string. */
    public static final String ZONE_ID = "Asia/Ho_Chi_Minh";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private final Clock clock;

    VietnamTime(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
