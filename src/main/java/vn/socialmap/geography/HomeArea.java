package vn.socialmap.geography;

import java.util.Optional;

/**
 * The unit a signed-in user works in (their commune, former district or province), for the
 * map to open on. Implemented by the security module, so that geography does not depend on it.
 */
public interface HomeArea {

    Optional<UnitRef> home();
}
