package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.base.ValidationException;
import vn.socialmap.security.UserAccountService.UserForm;

class UserAccountServiceTest extends IntegrationTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    private long users() {
        return jdbc.queryForObject("select count(*) from app_user", Long.class);
    }

    private void refused(UserForm form, String password, String key) {
        long before = users();
        assertThatThrownBy(() -> accounts.create(form, password))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).messageKey()).isEqualTo(key));
        assertThat(users()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        refused(new UserForm("A B", "Tên", Role.PLANNER, AreaType.PROVINCE, "01"), "Long-enough-1", "user.error.username");
        refused(new UserForm("admin", "Tên", Role.PLANNER, AreaType.PROVINCE, "01"), "Long-enough-1", "user.error.username.taken");
        refused(new UserForm("new-user-1", " ", Role.PLANNER, AreaType.PROVINCE, "01"), "Long-enough-1", "user.error.displayName");
        refused(new UserForm("new-user-1", "Tên", Role.PLANNER, AreaType.PROVINCE, "01"), "short", "password.error.length");
        refused(new UserForm("new-user-1", "Tên", Role.PLANNER, AreaType.PROVINCE, "01"), "x-new-user-1-x", "password.error.username");
        refused(new UserForm("new-user-1", "Tên", Role.DISTRICT_OFFICER, AreaType.DISTRICT, "00001"), "Long-enough-1", "user.error.area.level");
        refused(new UserForm("new-user-1", "Tên", Role.COMMUNE_OFFICER, AreaType.COMMUNE, "99999"), "Long-enough-1", "user.error.area.unknown");
        refused(new UserForm("new-user-1", "Tên", Role.COMMUNE_OFFICER, AreaType.COMMUNE, null), "Long-enough-1", "user.error.area.required");
        refused(new UserForm("new-user-1", "Tên", null, null, null), "Long-enough-1", "user.error.role");
    }

    @Test
    void everyChangeIsAudited() {
        accounts.create(new UserForm("audited-user", "Lê Thị Kiểm", Role.COMMUNE_OFFICER, AreaType.COMMUNE, "00097"), "Long-enough-1");
        UserAccount account = accounts.find("audited-user").orElseThrow();
        assertThat(account.isMustChangePassword()).isTrue();
        accounts.update("audited-user", new UserForm("audited-user", "Lê Thị Kiểm", Role.COMMUNE_OFFICER, AreaType.COMMUNE, "00004"),
                account.getVersion());
        accounts.setEnabled("audited-user", false);
        accounts.resetPassword("audited-user", "Another-pass-2");
        assertThat(jdbc.queryForList("select action from audit_entry where record_ids = 'audited-user' order by id", String.class))
                .containsExactly("USER_CREATED", "USER_CHANGED", "USER_DISABLED", "PASSWORD_RESET");
    }

    @Test
    void aStaleEditIsRefused() {
        accounts.create(new UserForm("stale-user", "Phạm Văn Cũ", Role.PLANNER, AreaType.PROVINCE, "01"), "Long-enough-1");
        long version = accounts.find("stale-user").orElseThrow().getVersion();
        accounts.update("stale-user", new UserForm("stale-user", "Phạm Văn Mới", Role.PLANNER, AreaType.PROVINCE, "01"), version);
        assertThatThrownBy(() -> accounts.update("stale-user",
                new UserForm("stale-user", "Ghi đè", Role.PLANNER, AreaType.PROVINCE, "01"), version))
                .isInstanceOf(ValidationException.class);
        assertThat(accounts.find("stale-user").orElseThrow().getDisplayName()).isEqualTo("Phạm Văn Mới");
    }
}
