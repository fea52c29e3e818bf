package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;

class BreakGlassServiceTest extends IntegrationTest {

    @Autowired
    BreakGlassService breakGlass;
    @Autowired
    JdbcTemplate jdbc;


    @Test
    void aReasonIsRequiredTheGrantExpiresAndIsAudited() {
        signIn("district-005");
        assertThatThrownBy(() -> breakGlass.grant("person", "123", "vì"))
                .isInstanceOf(ValidationException.class);
        assertThat(breakGlass.hasActiveGrant("person", "123")).isFalse();

        AccessGrant grant = breakGlass.grant("person", "123", "Người chuyển đến từ Tây Hồ, tiếp nhận hồ sơ");
        assertThat(Duration.between(grant.getGrantedAt(), grant.getExpiresAt())).isEqualTo(Duration.ofHours(3));
        assertThat(breakGlass.hasActiveGrant("person", "123")).isTrue();
        assertThat(breakGlass.hasActiveGrant("person", "124")).isFalse();
        assertThat(jdbc.queryForObject("select reason from audit_entry where action = 'BREAK_GLASS' and record_ids = '123'",
                String.class)).isEqualTo("Người chuyển đến từ Tây Hồ, tiếp nhận hồ sơ");

        jdbc.update("update access_grant set granted_at = granted_at - interval '4 hours', expires_at = expires_at - interval '4 hours' where id = ?",
                grant.getId());
        assertThat(breakGlass.hasActiveGrant("person", "123")).isFalse();
        assertThat(breakGlass.recent()).extracting(AccessGrant::getId).contains(grant.getId());
    }

    @Test
    void rolesWithoutPersonAccessCannotBreakTheGlass() {
        signIn("leader");
        assertThatThrownBy(() -> breakGlass.grant("person", "1", "Một lý do đủ dài để ghi")).isInstanceOf(ValidationException.class);
        signIn("planner");
        assertThatThrownBy(() -> breakGlass.grant("person", "1", "Một lý do đủ dài để ghi")).isInstanceOf(ValidationException.class);
    }
}
