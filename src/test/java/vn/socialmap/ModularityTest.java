package vn.socialmap;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Capabilities stay separate: no module reaches into another's internals, no cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(Application.class).verify();
    }
}
