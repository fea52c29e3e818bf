package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.ProgressService.Row;

/**
 * Issue 20, item 4: how a plan reads. A plan chosen after its period reads as of its end; a share target reads as a
 * share of each province's own people; a facility's admissions count the people it took in.
 */
class PlanReadingTest extends IntegrationTest {

    static final LocalDate END_2023 = LocalDate.of(2023, 12, 31);

    @Autowired
    ProgressService progress;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;

    private PlanModel.Plan plan(String province, String number) {
        return progress.plans().stream().filter(p -> p.provinceCode().equals(province) && p.number().equals(number))
                .findFirst().orElseThrow();
    }

    @Test
    void aPlanChosenAfterItsPeriodReadsAsOfItsEnd() {
        assertThat(progress.asOfFor(plan("01", Plan78Loader.HANOI_2023))).isEqualTo(END_2023);
        assertThat(progress.asOfFor(plan("01", Plan78Loader.NUMBER))).isEqualTo(LocalDate.of(2022, 12, 31));
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        for (PlanModel.Plan p : progress.plans()) {
            assertThat(progress.asOfFor(p)).as(p.number()).isEqualTo(today.isAfter(p.periodTo()) ? p.periodTo() : today);
        }
    }

    @Test
    void aPlansTitleCountsTheIndicatorsItsCityTableShows() {
        signIn("admin");
        PlanModel.Plan plan = plan("01", Plan78Loader.HANOI_2023);
        int shown = progress.progress(plan.id(), END_2023, Level.CITY).size();
        var counted = java.util.regex.Pattern.compile("\\(theo dõi (\\d+) trong (\\d+) chỉ tiêu\\)").matcher(plan.title());
        assertThat(counted.find()).as(plan.title()).isTrue();
        assertThat(Integer.parseInt(counted.group(1))).isEqualTo(shown).isEqualTo(4);
    }

    /** The independent count: the share, in percent, of a province's people on record at the end of 2023 reached in 2023. */
    private double reachedIn2023(String province) {
        return jdbc.queryForObject("""
                select 100.0 * count(*) filter (where reached) / count(*) from (
                  select p.id, bool_or(e.type in ('ADDICTION_DETERMINATION', 'VOLUNTARY_COMMUNITY_START',
                      'VOLUNTARY_FACILITY_ADMISSION', 'COMPULSORY_ADMISSION', 'DETOX', 'METHADONE_START', 'POST_REHAB_START',
                      'SUPPORT') and e.event_date between date '2023-01-01' and date '2023-12-31') reached
                  from person p join case_event e on e.person_id = p.id
                  where p.province_code = ? and p.merged_into_id is null group by p.id
                  having min(e.event_date) <= date '2023-12-31'
                     and not bool_or(e.type = 'RECORD_CLOSED' and e.event_date <= date '2023-12-31')) x""", Double.class, province);
    }

    @Test
    void aShareTargetReadsAsTheShareOfEachProvincesOwnPeople() {
        signIn("admin");
        Row hanoi = progress.progress(plan("01", Plan78Loader.HANOI_2023).id(), END_2023, Level.CITY).getFirst();
        Row daNang = progress.progress(plan("48", Plan78Loader.DA_NANG_117).id(), END_2023, Level.CITY).getFirst();
        for (Row row : List.of(hanoi, daNang)) {
            assertThat(row.indicatorCode()).isEqualTo("REACHED_SERVICES");
            assertThat(row.isShare()).isTrue();
            assertThat(row.target()).isEqualTo(80.0);
            // no percent of the target: the share is read against the target's share
            assertThat(row.percent()).isNull();
            assertThat(row.status()).isEqualTo(ProgressService.status(row.share(), 80.0));
        }
        // to a tenth of a percent, each its own province's (the two read "22" alike when rounded to whole percents)
        assertThat(hanoi.share()).isEqualTo(Math.round(10 * reachedIn2023("01")) / 10.0);
        assertThat(daNang.share()).isEqualTo(Math.round(10 * reachedIn2023("48")) / 10.0);
        assertThat(hanoi.share()).isNotEqualTo(daNang.share());
    }

    @Test
    void aFacilitysAdmissionsIn2022CountThePeopleItTookIn() {
        signIn("admin");
        List<Row> admissions = progress.progress(plan("01", Plan78Loader.NUMBER).id(), LocalDate.of(2022, 12, 31), Level.FACILITY)
                .stream().filter(r -> r.indicatorCode().equals("ADMISSIONS")).toList();
        assertThat(admissions).extracting(Row::unitCode).contains("1", "2", "3", "4");
        for (Row row : admissions) {
            // the dossiers name no facility: at a facility, its compulsory and voluntary admissions of 2022
            long taken = jdbc.queryForObject("""
                    select count(*) from effective_case_event e where e.province_code = '01' and e.facility_code = ?
                      and e.type in ('COMPULSORY_ADMISSION', 'VOLUNTARY_FACILITY_ADMISSION')
                      and e.event_date between date '2022-01-01' and date '2022-12-31'""",
                    Long.class, row.unitCode());
            assertThat(row.actual()).as("facility " + row.unitCode()).isEqualTo(taken).isPositive();
        }
    }
}
