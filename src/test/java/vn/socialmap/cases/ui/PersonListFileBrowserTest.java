package vn.socialmap.cases.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;

/** The person list's file is for people: the list's columns, headed and filled in words. */
class PersonListFileBrowserTest extends BrowserTest {

    @Test
    void anOfficerDownloadsTheListAsTheySeeIt() throws Exception {
        login("district-005");
        page.navigate(baseUrl() + "/persons");
        assertThat(page.locator("vaadin-grid")).isVisible();
        Download download = page.waitForDownload(() -> page.locator("a", new Page.LocatorOptions().setHasText("Xuất CSV")).click());
        assertThat(download.suggestedFilename()).isEqualTo("danh-sach-nguoi.csv");
        List<String> lines = Files.readString(download.path(), StandardCharsets.UTF_8).lines().toList();

        assertThat(lines.get(0)).isEqualTo("\ufeffSố hồ sơ,Họ tên,Ngày sinh,Giới tính,Số CCCD,Phường/xã,Quận/huyện (cũ),Tình trạng");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> {
            assertThat(line).matches("\\d+,.+,\\d{2}/\\d{2}/\\d{4},(Nam|Nữ),.*").contains("Quận Cầu Giấy")
                    .doesNotContain("ON_RECORD", "MALE", "FEMALE");
        });
    }
}
