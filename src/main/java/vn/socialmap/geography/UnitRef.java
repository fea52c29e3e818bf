package vn.socialmap.geography;

/** What identifies an administrative unit: its structure and its GSO code (codes are reused across structures). */
public record UnitRef(String structure, String code) {

    public UnitRef {
        if (structure == null || code == null) {
            throw new IllegalArgumentException("A unit is identified by structure and code");
        }
    }

    /** As written in logs, audit entries and cache keys, e.g. {@code 2025-07/00004}. */
    @Override
    public String toString() {
        return structure + "/" + code;
    }
}
