package vn.socialmap.cases.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.socialmap.BrowserTest;
import vn.socialmap.cases.PersonImport;

/** A commune officer uploads a file with one bad row: in the default mode nothing is imported and the bad row comes back. */
class PersonImportBrowserTest extends BrowserTest {

    @Test
    void aFileWithABadRowImportsNothingAndReturnsTheRow() throws Exception {
        Path file = Files.createTempFile("nhap", ".csv");
        Files.writeString(file, String.join(",", PersonImport.COLUMNS) + "\n"
                + "001090077777,Người Nhập Thử,15/03/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,\n"
                + "001090088888,Ngày Sai,31/02/1990,Nam,00229,,00229,,,DRUG_USE_RECORD,10/01/2024,,\n", StandardCharsets.UTF_8);
        login("commune-00229");
        page.navigate(baseUrl() + "/persons");
        page.locator(".sm-person-import-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator(".sm-person-import-result")).containsText("Không nhập gì: 1 dòng sai trong 2 dòng");
        assertThat(page.locator(".sm-person-import-rejected")).isVisible();
    }
}
