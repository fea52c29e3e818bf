package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.targets.NationalProgress.IndicatorTotal;
import vn.socialmap.targets.NationalProgress.ProvinceProgress;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.ProgressService.Row;

/**
 * The national report sums what each province's own plan progress says: its batched
 * queries (one per indicator definition for all provinces) must agree with the per-plan
 * computation, row by row.
 */
class NationalProgressTest extends IntegrationTest {

    private static final LocalDate MID_2023 = LocalDate.of(2023, 6, 30);
    private static final LocalDate MID_2022 = LocalDate.of(2022, 6, 30);

    @Autowired
    NationalProgress national;
    @Autowired
    ProgressService progress;
    @Autowired
    PlanCopies copies;
    @Autowired
    JdbcTemplate jdbc;

    private long plan(String province, String number) {
        return progress.plans().stream().filter(p -> p.provinceCode().equals(province) && p.number().equals(number))
                .findFirst().orElseThrow().id();
    }

    @Test
    void everyProvinceRowIsItsPlansCityProgressAndCountsAddUp() {
        signIn("admin");
        var report = national.on(MID_2023);
        // in force in mid-2023: Hanoi's 2023 plan and Da Nang's Plan 117 (2023-2025), not Plan 78 (2022)
        // (other tests may have imported plans of their own)
        assertThat(report.plans()).isEqualTo(inForce(MID_2023));
        assertThat(report.provinces()).extracting(ProvinceProgress::planNumber)
                .contains(Plan78Loader.HANOI_2023, Plan78Loader.DA_NANG_117);
        assertThat(report.provinces()).extracting(ProvinceProgress::planNumber).doesNotContain(Plan78Loader.NUMBER);
        for (ProvinceProgress p : report.provinces()) {
            Row own = progress.progress(p.planId(), MID_2023, Level.CITY).stream()
                    .filter(r -> r.indicatorCode().equals(p.indicatorCode())).findFirst().orElseThrow();
            assertThat(p.actual()).as(p.provinceCode() + " " + p.indicatorCode()).isEqualTo(own.actual());
            assertThat(p.target()).isEqualTo(own.target());
            assertThat(p.status()).isEqualTo(own.status());
        }
        IndicatorTotal support = total(report, "SUPPORT");
        assertThat(support.actual()).isEqualTo(sum(report, "SUPPORT"));
        assertThat(support.actual()).isGreaterThanOrEqualTo(row(report, "01", "SUPPORT").actual()).isPositive();
        // half the year gone: a count of events is expected at the elapsed share of the plan's period
        assertThat(support.expectedPercent()).isCloseTo(ProgressService.elapsedPercent(progress.plan(plan("01",
                Plan78Loader.HANOI_2023)), MID_2023), within(0.1));
        assertThat(support.ahead() + support.onTrack() + support.behind()).isEqualTo(support.provinces());
    }

    @Test
    void aPercentIndicatorIsTheShareOverAllProvincesPeopleOnRecord() {
        signIn("admin");
        var report = national.on(MID_2023);
        IndicatorTotal reached = total(report, "REACHED_SERVICES");
        assertThat(reached.provinces()).isEqualTo(2);
        assertThat(reached.target()).isEqualTo(80.0);
        long[] hanoi = reach("01", "2023-01-01");
        long[] daNang = reach("48", "2023-01-01");
        assertThat(hanoi[0]).isPositive();
        assertThat(daNang[0]).isPositive();
        // not the mean of the two provinces' percents: the share over everyone on record in both
        assertThat(reached.actual()).isEqualTo(Math.round(100.0 * (hanoi[1] + daNang[1]) / (hanoi[0] + daNang[0])));
        assertThat(reached.expectedPercent()).isEqualTo(100.0);
    }

    @Test
    @Transactional
    void aCopiedPlanIsScaledSplitOverDistrictsAndSummedWithTheOriginal() {
        signIn("admin");
        long plan78 = plan("01", Plan78Loader.NUMBER);
        Map<String, Double> districts = Map.of("490", 1.0, "491", 3.0);
        long copy = copies.copyScaled(plan78, "48", "Ủy ban nhân dân thành phố Đà Nẵng", 0.1, districts,
                Set.of(IndicatorKind.MODELS, IndicatorKind.MODEL_COMMUNES));

        List<Row> city = progress.progress(copy, MID_2022, Level.CITY);
        assertThat(city).extracting(Row::indicatorCode).doesNotContain("MODELS");
        Row dossiers = city.stream().filter(r -> r.indicatorCode().equals("DOSSIERS")).findFirst().orElseThrow();
        assertThat(dossiers.target()).isEqualTo(95.0); // 950 x 0.1
        List<Row> byDistrict = progress.progress(copy, MID_2022, Level.DISTRICT).stream()
                .filter(r -> r.indicatorCode().equals("DOSSIERS")).toList();
        assertThat(byDistrict).extracting(Row::unitCode).containsExactly("490", "491");
        assertThat(byDistrict).extracting(Row::target).containsExactly(24.0, 71.0);
        assertThat(progress.progress(copy, MID_2022, Level.FACILITY)).isEmpty();

        var report = national.on(MID_2022);
        assertThat(report.plans()).isEqualTo(inForce(MID_2022));
        IndicatorTotal total = total(report, "DOSSIERS");
        assertThat(total.actual()).isEqualTo(sum(report, "DOSSIERS"));
        assertThat(total.target()).isEqualTo(report.provinces().stream().filter(p -> p.indicatorCode().equals("DOSSIERS"))
                .mapToDouble(ProvinceProgress::target).sum());
        assertThat(row(report, "01", "DOSSIERS").target()).isEqualTo(950.0);
        assertThat(row(report, "48", "DOSSIERS").actual()).isEqualTo(dossiers.actual()).isPositive();
        assertThat(row(report, "48", "DOSSIERS").provinceName()).contains("Đà Nẵng");
        assertThat(total.ahead() + total.onTrack() + total.behind()).isEqualTo(total.provinces());
    }

    @Test
    void withOneProvinceTheNationIsJudgedAsThatProvince() {
        signIn("admin");
        // Hanoi's drug-free share (Plan 290, from 27/10/2025): a percent indicator expected to grow with its period,
        // the only province setting it; a few weeks in, so the province is far from its target yet not behind
        for (LocalDate day : List.of(LocalDate.of(2025, 11, 15), MID_2023, LocalDate.of(2026, 6, 30))) {
            var report = national.on(day);
            for (IndicatorTotal total : report.indicators()) {
                if (total.provinces() != 1) {
                    continue;
                }
                ProvinceProgress only = report.provinces().stream().filter(p -> p.indicatorCode().equals(total.indicatorCode()))
                        .findFirst().orElseThrow();
                String what = day + " " + total.indicatorCode();
                assertThat(total.status()).as(what).isEqualTo(only.status());
                assertThat(total.percent()).as(what).isEqualTo(only.percent());
                assertThat(new int[] {total.ahead(), total.onTrack(), total.behind()}).as(what)
                        .containsExactly(only.status() == ProgressService.Status.AHEAD ? 1 : 0,
                                only.status() == ProgressService.Status.ON_TRACK ? 1 : 0,
                                only.status() == ProgressService.Status.BEHIND ? 1 : 0);
            }
        }
        IndicatorTotal drugFree = total(national.on(LocalDate.of(2025, 11, 15)), "DRUG_FREE_SHARE");
        assertThat(drugFree.provinces()).isEqualTo(1);
        assertThat(drugFree.expectedPercent()).isCloseTo(ProgressService.elapsedPercent(progress.plan(plan("01",
                DrugFreePlansLoader.PLAN_290)), LocalDate.of(2025, 11, 15)), within(0.1));
    }

    @Test
    void noPlanInForceGivesAnEmptyReport() {
        signIn("planner");
        var report = national.on(LocalDate.of(2019, 1, 1));
        assertThat(report.plans()).isZero();
        assertThat(report.indicators()).isEmpty();
    }

    @Test
    void theApiAnswersAndRefusesABadDate() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/plans/national/progress?asOf=2023-06-30")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        var body = JsonMapper.builder().build().readTree(ok.body());
        assertThat(body.path("asOf").asString()).isEqualTo("2023-06-30");
        assertThat(body.path("indicators").size()).isPositive();
        assertThat(body.path("provinces").get(0).has("planNumber")).isTrue();
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/plans/national/progress?asOf=30/06/2023")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(bad.body()).contains("asOf");
    }

    /** Plans in force on a date, counted from the plan list (other tests may add plans). */
    private long inForce(LocalDate date) {
        return progress.plans().stream().filter(p -> !p.periodFrom().isAfter(date) && !p.periodTo().isBefore(date)).count();
    }

    private static long sum(NationalProgress.Report report, String code) {
        return report.provinces().stream().filter(p -> p.indicatorCode().equals(code)).mapToLong(ProvinceProgress::actual).sum();
    }

    private static IndicatorTotal total(NationalProgress.Report report, String code) {
        return report.indicators().stream().filter(t -> t.indicatorCode().equals(code)).findFirst().orElseThrow();
    }

    private static ProvinceProgress row(NationalProgress.Report report, String province, String code) {
        return report.provinces().stream().filter(p -> p.provinceCode().equals(province) && p.indicatorCode().equals(code))
                .findFirst().orElseThrow();
    }

    /** People on record on mid-2023 and those reached since {@code from}, counted from events alone. */
    private long[] reach(String province, String from) {
        String people = """
                select p.id, min(e.event_date) as first_event,
                       bool_or(e.type in ('ADDICTION_DETERMINATION', 'VOLUNTARY_COMMUNITY_START', 'VOLUNTARY_FACILITY_ADMISSION',
                               'COMPULSORY_ADMISSION', 'DETOX', 'METHADONE_START', 'POST_REHAB_START', 'SUPPORT')
                               and e.event_date between cast(? as date) and date '2023-06-30') as reached,
                       bool_or(e.type = 'RECORD_CLOSED' and e.event_date <= date '2023-06-30') as closed
                from person p join case_event e on e.person_id = p.id
                where p.province_code = ? and p.merged_into_id is null group by p.id""";
        // on record: recorded by the date and the record not closed by then
        return jdbc.queryForObject("select count(*) filter (where first_event <= date '2023-06-30' and not closed), count(*)"
                        + " filter (where first_event <= date '2023-06-30' and not closed and reached) from (" + people + ") x",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, from, province);
    }
}
