package vn.socialmap.facilities;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The ages a rehab facility admits under Law 120/2025, Article 28 clause 1: a public facility 18 and over, a
 * reform school or a public facility qualified for minors 12 to under 18 (the qualified one adults too), a
 * private facility 12 and over. A public facility is qualified when its details say {@code minors: true}; a
 * reform school when {@code reformSchool: true}.
 */
@Component
public class AdmissionAges {

    static final int ADULT = 18;
    static final int YOUNGEST = 12;

    /** From {@code from} years to under {@code below} (null: no upper limit). */
    public record Range(int from, Integer below) {
    }

    private final FacilityRepository facilities;

    AdmissionAges(FacilityRepository facilities) {
        this.facilities = facilities;
    }

    /** The ages the facility of this code admits; empty for an unknown code or a place that admits no one. */
    public Optional<Range> of(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return facilities.findFirstByCode(code.strip()).flatMap(AdmissionAges::rangeOf);
    }

    static Optional<Range> rangeOf(Facility f) {
        boolean flagged = Boolean.TRUE.equals(f.getDetails().get("reformSchool"));
        return switch (f.getType()) {
            case PUBLIC_REHAB -> Optional.of(flagged ? new Range(YOUNGEST, ADULT)
                    : Boolean.TRUE.equals(f.getDetails().get("minors")) ? new Range(YOUNGEST, null) : new Range(ADULT, null));
            case PRIVATE_REHAB -> Optional.of(new Range(YOUNGEST, null));
            default -> Optional.empty();
        };
    }
}
