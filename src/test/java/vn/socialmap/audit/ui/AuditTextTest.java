package vn.socialmap.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.socialmap.audit.AuditDetails;

/** Audit details are written as named values and read back in words; free texts stay as recorded. */
class AuditTextTest {

    /** Stands in for the bundles: "[key args]". */
    private final AuditText text = new AuditText((key, args) -> "[" + key + (args.length == 0 ? "" : " " + Arrays.toString(args)) + "]");

    @Test
    void onlyTheFiltersSetAreWrittenAndEachIsShownInWords() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("district", null);
        filters.put("commune", "");
        filters.put("status", "ON_RECORD");
        filters.put("date", LocalDate.of(2022, 6, 30));
        filters.put("q", "Nguyễn; Văn");
        String details = AuditDetails.of(filters);

        assertThat(details).isEqualTo("status=ON_RECORD; date=2022-06-30; q=Nguyễn; Văn");
        assertThat(text.details(details)).isEqualTo(
                "[audit.detail.status]: [status.ON_RECORD]; [audit.detail.date]: 30/06/2022; [audit.detail.q]: Nguyễn; Văn");
    }

    @Test
    void theListsOfficersOpenAreNamed() {
        assertThat(text.details(AuditDetails.of("list", "placements", "offset", null)))
                .isEqualTo("[audit.detail.list]: [audit.list.placements]");
        assertThat(text.details(AuditDetails.of("list", "area", "date", LocalDate.of(2026, 11, 29), "commune", null)))
                .isEqualTo("[audit.detail.list]: [audit.list.area]; [audit.detail.date]: 29/11/2026");
    }

    @Test
    void freeTextsAndUnknownTypesAreShownAsRecorded() {
        assertThat(text.details("identity or residence")).isEqualTo("identity or residence");
        assertThat(text.details(null)).isEmpty();
        assertThat(text.recordType("person")).isEqualTo("[audit.recordType.person]");
        assertThat(text.recordType("something_new")).isEqualTo("something_new");
    }

    @Test
    void aSearchNamesAFewRecordsAndHowManyItReturned() {
        assertThat(text.records("person", "7,8")).isEqualTo("[audit.recordType.person] 7, 8");
        assertThat(text.records("person", "7,8,9,10,11")).isEqualTo("[audit.recordType.person] 7, 8, 9 [audit.records.more [5]]");
        assertThat(text.records("person", "")).isEqualTo("[audit.recordType.person]");
        assertThat(text.records(null, null)).isEmpty();
    }
}
