package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.socialmap.geography.AdminStructure;

/**
 * Status periods as stored: cut where the administrative structure changes, each piece in
 * the unit the person's residence had in the structure of its dates (their placement there),
 * so that a status on any date belongs to the unit in force that day; every piece also names the
 * commune of today holding the residence, by which counts of any date are shown on today's
 * communes.
 */
final class PlacedPeriods {

    /** A piece of a status period within one structure; commune and district null where the person had no unit of it. */
    record Piece(String structure, String districtCode, String communeCode, String currentCommuneCode, PathStatus status,
                 String facilityCode, LocalDate from, LocalDate to) {
    }

    private PlacedPeriods() {
    }

    static List<Piece> place(List<PathRules.Period> periods, List<AdminStructure> structures, Map<String, Placement> placements) {
        List<Piece> pieces = new ArrayList<>();
        Placement now = structures.stream().filter(s -> s.validTo() == null).findFirst().map(s -> placements.get(s.code()))
                .orElse(null);
        String today = now == null ? null : now.communeCode();
        for (PathRules.Period p : periods) {
            for (AdminStructure s : structures) {
                LocalDate from = s.validFrom() == null || p.from().isAfter(s.validFrom()) ? p.from() : s.validFrom();
                LocalDate to = s.validTo() == null ? p.to() : p.to() == null || p.to().isAfter(s.validTo()) ? s.validTo() : p.to();
                if (to != null && !to.isAfter(from)) {
                    continue;
                }
                Placement placed = placements.get(s.code());
                pieces.add(new Piece(s.code(), placed == null ? null : placed.districtCode(),
                        placed == null ? null : placed.communeCode(), today, p.status(), p.facilityCode(), from, to));
            }
        }
        return pieces;
    }
}
