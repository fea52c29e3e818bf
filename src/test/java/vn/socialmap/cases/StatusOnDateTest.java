package vn.socialmap.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.socialmap.IntegrationTest;

/**
 * A status held on a date, stated once for SQL (status_held, V22) and once for the path replay
 * (PathRules.Period.covers): the two agree on each side of both ends of a period, closed or open,
 * and the planner inlines the SQL one, so the status periods' indexes still serve it.
 */
class StatusOnDateTest extends IntegrationTest {

    static final LocalDate FROM = LocalDate.of(2024, 2, 28);
    static final LocalDate TO = LocalDate.of(2024, 3, 1);

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseAndThePathReplayHoldAStatusOnTheSameDays() {
        for (LocalDate to : Arrays.asList(TO, null)) {
            PathRules.Period period = new PathRules.Period(PathStatus.ON_RECORD, null, FROM, to);
            for (LocalDate day : List.of(FROM.minusDays(1), FROM, FROM.plusDays(1), TO, TO.plusDays(1))) {
                boolean held = jdbc.sql("select status_held(:from, :to, :day)").param("from", Date.valueOf(FROM))
                        .param("to", to == null ? null : Date.valueOf(to), java.sql.Types.DATE).param("day", Date.valueOf(day))
                        .query(Boolean.class).single();
                assertThat(held).as("held on " + day + " in a period to " + to).isEqualTo(period.covers(day));
            }
        }
    }

    @Test
    void theRuleIsInlinedIntoTheQueriesThatUseIt() {
        String plan = String.join("\n", jdbc.sql("explain (verbose) select count(*) from person_status_period s"
                        + " where s.province_code = :p and s.status = 'ON_RECORD' and status_held(s.valid_from, s.valid_to, :day)")
                .param("p", "01").param("day", Date.valueOf(FROM)).query(String.class).list());
        assertThat(plan).doesNotContain("status_held").contains("valid_from");
    }
}
