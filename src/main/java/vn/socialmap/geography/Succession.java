package vn.socialmap.geography;

import java.time.LocalDate;

/**
 * One row of a crosswalk between structures: a unit of the earlier structure went, whole or
 * in part, into a unit of the later one on a date.
 *
 * @param level           the predecessor's level
 * @param populationShare estimated share of the predecessor's residents who went to the
 *                        successor (1 when whole; null when it cannot be estimated)
 * @param source          the table the row comes from
 * @param evidence        what the row rests on, as the source states it
 */
public record Succession(AdminLevel level, UnitRef predecessor, String predecessorProvince, String predecessorName,
                         UnitRef successor, String successorProvince, Kind kind, LocalDate effectiveDate,
                         Double populationShare, String source, String evidence) {

    public enum Kind { WHOLE, PART }
}
