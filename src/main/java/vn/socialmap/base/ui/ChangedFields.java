package vn.socialmap.base.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What another user changed in a record while it was open here, field by field, for the
 * message that refuses a save over their change ("Name: «A» → «B»"). Nothing is
 * overwritten silently: the form keeps what was typed, and saving again is a decision
 * taken knowing what changed.
 */
public final class ChangedFields {

    private final Function<String, String> translation;
    private final List<String> changes = new ArrayList<>();

    public ChangedFields(Function<String, String> translation) {
        this.translation = translation;
    }

    public ChangedFields compare(String labelKey, Object before, Object after) {
        String was = text(before);
        String is = text(after);
        if (!Objects.equals(was, is)) {
            changes.add(translation.apply(labelKey) + ": «" + was + "» → «" + is + "»");
        }
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public String text() {
        return String.join("; ", changes);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
