package vn.socialmap.disclosure;

import org.springframework.stereotype.Component;

import vn.socialmap.security.AccessScope;

/** The protection of counts for a caller. */
@Component
public class Disclosure {

    private final CellKeyMethod method;

    Disclosure(CellKeyMethod method) {
        this.method = method;
    }

    /** Counts of others from 1 to this minus 1 are small: published alike (as 2 or 3). */
    public int smallBelow() {
        return method.table().smallBelow();
    }

    public Protection protection(AccessScope scope) {
        return new Protection(Protection.kindOf(scope), method);
    }
}
