package vn.socialmap.base;

import java.time.LocalDate;

/**
 * When a dated row is in force: from {@code validFrom} (inclusive; null: since before anything
 * known) to {@code validTo} (exclusive; null: still). SQL states the same rule as
 * {@code in_force(valid_from, valid_to, day)} (V23); InForceTest holds the two equal.
 */
public final class InForce {

    private InForce() {
    }

    public static boolean on(LocalDate validFrom, LocalDate validTo, LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || day.isBefore(validTo));
    }
}
