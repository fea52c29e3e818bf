package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.socialmap.IntegrationTest;

/**
 * The events that are services reaching a person are stated once (is_service, V10): the people
 * reached read from the events (CaseIndicators' query) and from the first services the triggers
 * keep (service_first_day) are the same on the demo data.
 */
class ServiceEventsTest extends IntegrationTest {

    @Autowired
    CaseIndicators indicators;

    @Test
    void thePeopleReachedReadFromTheEventsAndFromTheRollupAgree() {
        for (String province : List.of("01", "48")) {
            for (LocalDate to : List.of(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 30))) {
                LocalDate from = to.withDayOfYear(1);
                CaseIndicators.CellPair[] fromEvents = indicators.reachedCells(province, from, to, null, null, null);
                CaseIndicators.Reach fromRollup = indicators.reachedServicesByProvince(Map.of(province, from), to).get(province);
                assertThat(fromEvents[1].all().count()).as(province + " to " + to).isPositive()
                        .isEqualTo(fromRollup.reached());
                assertThat(fromEvents[0].all().count()).isEqualTo(fromRollup.onRecord());
            }
        }
    }
}
