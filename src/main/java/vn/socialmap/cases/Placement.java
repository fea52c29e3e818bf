package vn.socialmap.cases;

import java.util.List;

/**
 * Where a person's residence lies in one structure: its commune (and district, where the
 * structure has districts), how that was decided, and for a provisional placement the
 * candidates an officer chooses from.
 */
public record Placement(String structure, String communeCode, String districtCode, PlacementMethod method,
                        List<String> candidates) {

    public Placement {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
