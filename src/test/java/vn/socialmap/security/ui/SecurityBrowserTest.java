package vn.socialmap.security.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.BrowserTest;
import vn.socialmap.security.AreaType;
import vn.socialmap.security.Role;
import vn.socialmap.security.UserAccountService;
import vn.socialmap.security.UserAccountService.UserForm;

class SecurityBrowserTest extends BrowserTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signInIsRequiredAndSignOutWorks() {
        page.navigate(baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator(".sm-demo-hint")).containsText("district-005");
        login("leader");
        assertThat(page.locator(".sm-current-user")).containsText("leader");
        page.locator(".sm-logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        page.navigate(baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    /** An address that is no screen gets a page in Vietnamese, not the browser's "HTTP ERROR 403". */
    @Test
    void anAddressThatIsNoScreenSaysSoInVietnamese() {
        // the tab's icon is served before and after signing in (it was a 404 at /favicon.ico)
        page.navigate(baseUrl() + "/login");
        assertThat(page.locator("link[rel=icon]")).hasAttribute("href", java.util.regex.Pattern.compile("icons/favicon.svg"));
        org.assertj.core.api.Assertions.assertThat(page.request().get(baseUrl() + "/icons/favicon.svg").status()).isEqualTo(200);
        login("admin");
        com.microsoft.playwright.Response response = page.navigate(baseUrl() + "/audit");
        org.assertj.core.api.Assertions.assertThat(response.status()).isBetween(400, 499);
        assertThat(page.locator("h1")).hasText("Không mở được trang này");
        assertThat(page.locator("a").first()).hasAttribute("href", "/");
    }

    @Test
    void wrongPasswordShowsAnError() {
        page.navigate(baseUrl() + "/login");
        page.locator("vaadin-login-form vaadin-text-field[name=username] input").fill("planner");
        page.locator("vaadin-login-form vaadin-password-field[name=password] input").fill("not-the-password");
        page.locator("vaadin-login-form vaadin-button[slot=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        assertThat(page.locator("vaadin-login-form")).containsText("Sai tên đăng nhập hoặc mật khẩu");
    }

    @Test
    void onlyTheAdminSeesUserAdministration() {
        login("leader");
        page.navigate(baseUrl() + "/admin/users");
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        // a page the role may not open says so in Vietnamese, not "Could not navigate" (issue 20)
        assertThat(page.locator(".sm-no-access h2")).hasText("Không có quyền truy cập");
        page.navigate(baseUrl() + "/");
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-side-nav-item")).hasCount(9);

        logout();
        login("admin");
        page.navigate(baseUrl() + "/admin/users");
        page.locator("vaadin-text-field input").first().fill("quan cau giay");
        assertThat(page.locator("vaadin-grid")).containsText("district-005");
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("vaadin-side-nav-item")).hasCount(16);
    }

    @Test
    void namesWithScriptAndSqlAreStoredAsTypedAndShownInert() {
        String payload = "Nguyễn <img src=x onerror=\"window.__pwned=1\"> '); DROP TABLE app_user; --";
        accounts.create(new UserForm("injection-test", payload, Role.PLANNER, AreaType.PROVINCE, "01"), "Str0ng-pass!");
        assertThat(jdbc.queryForObject("select display_name from app_user where username = 'injection-test'", String.class))
                .isEqualTo(payload);

        login("admin");
        page.navigate(baseUrl() + "/admin/users");
        page.locator("vaadin-text-field input").first().fill("injection");
        assertThat(page.locator("vaadin-grid")).containsText("DROP TABLE app_user");
        assertThat(page.locator("vaadin-grid")).containsText("<img src=x");
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isGreaterThan(600);
    }

    @Test
    void aNewUserMustChangeThePasswordAtFirstSignIn() {
        accounts.create(new UserForm("first-login", "Trần Văn Thử", Role.DISTRICT_OFFICER, AreaType.DISTRICT, "005"), "Initial-pass-1");
        login("first-login", "Initial-pass-1");
        assertThat(page).hasURL(Pattern.compile(".*/password.*"));
        assertThat(page.locator(".sm-must-change")).isVisible();
        page.navigate(baseUrl() + "/");
        assertThat(page).hasURL(Pattern.compile(".*/password.*"));

        page.locator("vaadin-password-field input").nth(0).fill("Initial-pass-1");
        page.locator("vaadin-password-field input").nth(1).fill("Changed-pass-2");
        page.locator("vaadin-password-field input").nth(2).fill("Changed-pass-2");
        page.locator("vaadin-button").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Lưu mật khẩu")).click();
        // a former district's officer: today's communes, the former district outlined over them
        assertThat(page.locator("path[data-layer=communes]")).hasCount(126);
        assertThat(page.locator("path[data-layer=former]")).hasCount(1);
        assertThat(jdbc.queryForObject("select must_change_password from app_user where username = 'first-login'", Boolean.class)).isFalse();
    }
}
