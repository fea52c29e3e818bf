package vn.socialmap.audit.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import vn.socialmap.audit.AuditDetails;

/**
 * An entry's record type and details in the reader's words: "Tình trạng: Có trong hồ sơ; Ngày:
 * 30/06/2022" for "status=ON_RECORD; date=2022-06-30". Free texts are shown as recorded.
 */
final class AuditText {

    private static final Set<String> RECORD_TYPES = Set.of("person", "user", "regional_court", "admin_unit", "api", "audit",
            "drug_free_assessment", "drug_free_evidence");
    private static final Set<String> DETAIL_NAMES = Set.of("district", "commune", "status", "date", "facility", "age", "sex",
            "offset", "q", "user", "action", "record", "from", "to", "list");
    private static final int SHOWN_IDS = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final BiFunction<String, Object[], String> translate;

    /** @param translate a view's getTranslation */
    AuditText(BiFunction<String, Object[], String> translate) {
        this.translate = translate;
    }

    String recordType(String type) {
        return type == null ? "" : RECORD_TYPES.contains(type) ? translate.apply("audit.recordType." + type, new Object[0]) : type;
    }

    /** "Hồ sơ người 70442, 73942, 66942" or, for more, the first three and how many. */
    String records(String type, String ids) {
        if (type == null) {
            return "";
        }
        if (ids == null || ids.isBlank()) {
            return recordType(type);
        }
        String[] all = ids.split(",");
        String shown = String.join(", ", java.util.Arrays.asList(all).subList(0, Math.min(SHOWN_IDS, all.length)));
        return recordType(type) + " " + shown
                + (all.length > SHOWN_IDS ? " " + translate.apply("audit.records.more", new Object[] {all.length}) : "");
    }

    String details(String details) {
        if (details == null) {
            return "";
        }
        return AuditDetails.parse(details)
                .map(values -> values.entrySet().stream()
                        .map(e -> DETAIL_NAMES.contains(e.getKey())
                                ? translate.apply("audit.detail." + e.getKey(), new Object[0]) + ": " + value(e.getKey(), e.getValue())
                                : e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")))
                .orElse(details);
    }

    private String value(String name, String value) {
        return switch (name) {
            case "status" -> value.matches("[A-Z_]+") ? translate.apply("status." + value, new Object[0]) : value;
            case "sex" -> value.matches("MALE|FEMALE") ? translate.apply("sex." + value, new Object[0]) : value;
            case "action" -> value.matches("[A-Z_]+") ? translate.apply("audit.action." + value, new Object[0]) : value;
            case "date", "from", "to" -> day(value);
            case "list" -> value.matches("[a-z]+") ? translate.apply("audit.list." + value, new Object[0]) : value;
            default -> value;
        };
    }

    private static String day(String value) {
        try {
            return DAY.format(LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
