package vn.socialmap.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Details of an entry as named values, "status=ON_RECORD; date=2022-06-30": written so by the
 * modules that record them, read back by the log's view to show them in words. Values left empty
 * are not written.
 */
public final class AuditDetails {

    private static final Pattern SEPARATOR = Pattern.compile("; (?=[a-zA-Z]+=)");
    private static final Pattern PAIR = Pattern.compile("([a-zA-Z]+)=(.*)", Pattern.DOTALL);

    private AuditDetails() {
    }

    /** The set values in order; null and blank ones are left out. */
    public static String of(Map<String, ?> values) {
        StringJoiner text = new StringJoiner("; ");
        values.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                text.add(name + "=" + value);
            }
        });
        return text.toString();
    }

    /** As {@link #of(Map)}, from names and values in turn: {@code of("list", "duties", "offset", 50)}. */
    public static String of(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return of(values);
    }

    /** The named values of details written by {@link #of}; empty for other texts. */
    public static Optional<Map<String, String>> parse(String details) {
        if (details == null || details.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : SEPARATOR.split(details)) {
            var m = PAIR.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            values.put(m.group(1), m.group(2));
        }
        return Optional.of(values);
    }
}
