package vn.socialmap.disclosure;

import vn.socialmap.security.AccessScope;
import vn.socialmap.security.Role;

/**
 * How counts about people are published to one caller (docs/disclosure.md): exactly to a
 * system-wide administrator; to an officer, exactly for the people of their own area (whom they
 * may read one by one anyway) and by the cell-key method for everyone else in the cell; to a
 * role without access to persons, by the cell-key method throughout. Everything a caller
 * receives that is computed from counts (maps, tiles, exports, analytics, planning) is computed
 * from what this gives them.
 */
public final class Protection {

    public enum Kind { EXACT, OWN_AREA, PERTURBED }

    private final Kind kind;
    private final CellKeyMethod method;

    Protection(Kind kind, CellKeyMethod method) {
        this.kind = kind;
        this.method = method;
    }

    static Kind kindOf(AccessScope scope) {
        if (!scope.seesPersons()) {
            return Kind.PERTURBED;
        }
        return scope.role() == Role.ADMIN && scope.areaType() == null ? Kind.EXACT : Kind.OWN_AREA;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the caller receives anything but exact counts. */
    public boolean applies() {
        return kind != Kind.EXACT;
    }

    /** Whether {@link #shown} needs the part of each cell in the caller's area. */
    public boolean needsOwnArea() {
        return kind == Kind.OWN_AREA;
    }

    /**
     * The count published for a cell.
     *
     * @param all    every record of the cell
     * @param inArea the records of the caller's area among them (used only when {@link #needsOwnArea()})
     */
    public long shown(Cell all, Cell inArea) {
        return switch (kind) {
            case EXACT -> all.count();
            case PERTURBED -> method.perturb(all);
            case OWN_AREA -> {
                Cell own = inArea == null ? Cell.EMPTY : inArea;
                yield own.count() + method.perturb(all.minus(own));
            }
        };
    }

    /** Counts of others from 1 to this minus 1 are small: published alike (as 2 or 3). */
    public int smallBelow() {
        return method.table().smallBelow();
    }
}
