package vn.socialmap.cases.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.socialmap.BrowserTest;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.cases.PersonService;
import vn.socialmap.cases.Sex;

class PersonBrowserTest extends BrowserTest {

    @Autowired
    PersonService persons;
    @Autowired
    JdbcTemplate jdbc;

    private long createAs(String username, String name) {
        signIn(username);
        try {
            return persons.create(new PersonForm(name, LocalDate.of(1989, 9, 9), Sex.MALE, null, "00229", null,
                    "00229", "Số 5 phố Thử", null, null, null, null)).person().getId();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aCommuneOfficerFindsAPersonAndRecordsTheNextEvent() {
        long id = createAs("commune-00229", "Kiều Văn Giao Diện");
        login("commune-00229");
        page.navigate(baseUrl() + "/persons");
        page.locator("vaadin-text-field input").first().fill("kieu van giao");
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Kiều Văn Giao Diện"));
        assertThat(row).hasCount(1);
        row.click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/persons/" + id));
        assertThat(page.locator("h2")).hasText("Kiều Văn Giao Diện");

        page.locator("vaadin-select").filter(new Locator.FilterOptions().setHas(page.getByText("Sự kiện", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))).click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("Lập danh sách người sử dụng trái phép")).click();
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Ghi sự kiện")).click();
        assertThat(page.locator(".sm-timeline")).containsText("Lập danh sách người sử dụng trái phép");
        // the recorder by name, not the account (issue 20)
        assertThat(page.locator(".sm-timeline")).containsText("Cán bộ Phường Kim Liên");
        assertThat(page.locator(".sm-timeline")).not().containsText("commune-00229");
        assertThat(page.locator(".sm-status-today")).containsText("Sử dụng trái phép");
        assertThat(jdbc.queryForObject("select count(*) from case_event where person_id = ?", Long.class, id)).isEqualTo(1);
    }

    /** On a day nothing can be recorded, the form says why and offers nothing to save. */
    @Test
    void aFutureDateSaysWhyAndCannotBeSaved() {
        long id = createAs("commune-00229", "Hồ Văn Ngày Mai");
        login("commune-00229");
        page.navigate(baseUrl() + "/persons/" + id);
        Locator save = page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Ghi sự kiện"));
        assertThat(save).isEnabled();
        Locator date = page.locator("vaadin-date-picker").filter(new Locator.FilterOptions().setHas(
                page.getByText("Ngày", new com.microsoft.playwright.Page.GetByTextOptions().setExact(true)))).locator("input");
        date.fill(java.time.LocalDate.now(vn.socialmap.base.VietnamTime.ZONE).plusDays(20)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        date.press("Enter");
        assertThat(page.locator(".sm-event-none")).containsText("Không ghi được sự kiện nào vào ngày này");
        assertThat(save).isDisabled();
    }

    @Test
    void aSaveOverSomeoneElsesChangeIsRefusedWithWhatTheyChanged() {
        long id = createAs("commune-00229", "Tạ Văn Đồng Thời");
        login("commune-00229");
        page.navigate(baseUrl() + "/persons/" + id);
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Sửa hồ sơ")).waitFor();
        // the tab title, kept in the browser's history and on shared screens, does not name the person
        assertThat(page.title()).isNotBlank().doesNotContain("Đồng Thời");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Sửa hồ sơ")).click();
        page.getByLabel("Nơi ở hiện tại", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Số 9 phố Của Tôi");

        // meanwhile a colleague saves the same record with another occupation and address
        signIn("commune-00229");
        try {
            var current = persons.get(id).person();
            persons.update(id, new PersonForm("Tạ Văn Đồng Thời", LocalDate.of(1989, 9, 9), Sex.MALE, null, "00229", null,
                    "00229", "Số 7 phố Đồng Nghiệp", null, null, "Thợ mộc", null), current.getVersion());
        } finally {
            SecurityContextHolder.clearContext();
        }

        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Lưu hồ sơ")).click();
        // the person page has a form error line of its own: the dialog's is the one that speaks
        Locator error = page.locator(".sm-form-error", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("người khác đã lưu bản ghi này"));
        assertThat(error).hasCount(1);
        assertThat(error).containsText("«Số 5 phố Thử» → «Số 7 phố Đồng Nghiệp»");
        assertThat(error).containsText("«» → «Thợ mộc»");
        assertThat(jdbc.queryForObject("select current_address from person where id = ?", String.class, id))
                .isEqualTo("Số 7 phố Đồng Nghiệp");
        // saving again, knowing what changed, replaces it: the form kept what was typed
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Lưu hồ sơ")).click();
        assertThat(error).hasCount(0);
        assertThat(jdbc.queryForObject("select current_address from person where id = ?", String.class, id))
                .isEqualTo("Số 9 phố Của Tôi");
    }

    @Test
    void outsideTheAreaTheRecordLooksMissingUntilTheGlassIsBroken() {
        long id = createAs("commune-00229", "Lương Văn Ngoài Địa Bàn");
        login("district-005");
        page.navigate(baseUrl() + "/persons/" + id);
        assertThat(page.locator(".sm-not-found")).isVisible();
        assertThat(page.getByText("Lương Văn Ngoài Địa Bàn")).hasCount(0);

        page.locator("vaadin-text-area textarea").fill("Người chuyển đến Cầu Giấy, tiếp nhận hồ sơ từ Ba Đình");
        page.locator("vaadin-button").filter(new Locator.FilterOptions().setHasText("Mở hồ sơ")).click();
        assertThat(page.locator("h2")).hasText("Lương Văn Ngoài Địa Bàn");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'BREAK_GLASS' and record_ids = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @Test
    void theDemoDataIsListedForADistrictOfficer() {
        login("district-006");
        page.navigate(baseUrl() + "/persons");
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("(mẫu)")).first()).isVisible();
    }
}
