package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;
import vn.socialmap.audit.AuditAreaNames;

/** The audit log names an area as people know it, not by its label. */
class AreaNamesTest extends IntegrationTest {

    private static final Locale VI = Locale.of("vi");

    @Autowired
    private AuditAreaNames names;

    @Test
    void areasOfTheAuditLogAreNamed() {
        assertThat(names.name("FACILITY:1", VI)).isEqualTo("Cơ sở cai nghiện số 1");
        assertThat(names.name("FACILITY:PC04-2", VI)).startsWith("Cơ sở cai nghiện ma túy số 2");
        assertThat(names.name("PROVINCE:01", VI)).isEqualTo("Thành phố Hà Nội");
        assertThat(names.name("DISTRICT:2025-01/005", VI)).isEqualTo("Quận Cầu Giấy (cũ)");
        assertThat(names.name("COMMUNE:2025-07/00004", VI)).doesNotContain("COMMUNE", "00004").isNotBlank();
        assertThat(names.name(null, VI)).isEmpty();
        assertThat(names.name("SOMETHING", VI)).isEqualTo("SOMETHING");
    }
}
