package vn.socialmap.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.CaseIndicators;
import vn.socialmap.cases.EventType;
import vn.socialmap.targets.PlanModel.Level;
import vn.socialmap.targets.ProgressService.Row;
import vn.socialmap.targets.ProgressService.Status;

/** Plan 78 measured on the calibrated demo data: the six-month report's figures, computed from events. */
class Plan78ProgressTest extends IntegrationTest {

    static final LocalDate JUNE_30 = LocalDate.of(2022, 6, 30);

    @Autowired
    ProgressService progress;
    @Autowired
    CaseIndicators indicators;
    @Autowired
    vn.socialmap.geography.AdminUnitService units;

    private long plan78() {
        return progress.plans().stream().filter(p -> p.number().equals(Plan78Loader.NUMBER)).findFirst().orElseThrow().id();
    }

    private Map<String, Row> city(LocalDate asOf) {
        return cityAs("district-001", asOf);
    }

    private Map<String, Row> cityAs(String user, LocalDate asOf) {
        signIn(user);
        return progress.progress(plan78(), asOf, Level.CITY).stream().collect(Collectors.toMap(Row::indicatorCode, r -> r));
    }

    @Test
    void theCityReportAsOf30June2022() {
        Map<String, Row> rows = city(JUNE_30);
        assertRow(rows.get("ADMISSIONS"), 3_050, 1_482, 48.6);
        assertRow(rows.get("DOSSIERS"), 950, 547, 57.6);
        assertRow(rows.get("VOLUNTARY"), 2_100, 935, 44.5);
        assertRow(rows.get("TRAINED"), 500, 150, 30.0);
        // 181 of 365 days elapsed (49.6%): 57.6% is ahead, 48.6% on track, 44.5% and 30% behind
        assertThat(rows.get("DOSSIERS").status()).isEqualTo(Status.AHEAD);
        assertThat(rows.get("ADMISSIONS").status()).isEqualTo(Status.ON_TRACK);
        assertThat(rows.get("VOLUNTARY").status()).isEqualTo(Status.BEHIND);
        assertThat(rows.get("TRAINED").status()).isEqualTo(Status.BEHIND);
        assertThat(rows.get("MODELS").actual()).isEqualTo(259);
    }

    private static void assertRow(Row row, double target, long actual, double percent) {
        assertThat(row.target()).isEqualTo(target);
        assertThat(row.actual()).isEqualTo(actual);
        assertThat(row.percent()).isEqualTo(percent);
    }

    @Test
    void periodBoundariesCountTheFirstAndLastDay() {
        assertThat(cityAs("admin", LocalDate.of(2021, 12, 31)).get("DOSSIERS").actual()).isZero();
        long firstDay = indicators.events("01", EventType.COMPULSORY_DOSSIER, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 1));
        assertThat(cityAs("admin", LocalDate.of(2022, 1, 1)).get("DOSSIERS").actual()).isEqualTo(firstDay);
        long wholeYear = indicators.events("01", EventType.COMPULSORY_DOSSIER, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
        assertThat(cityAs("admin", LocalDate.of(2022, 12, 31)).get("DOSSIERS").actual()).isEqualTo(wholeYear);
        assertThat(cityAs("admin", LocalDate.of(2023, 6, 1)).get("DOSSIERS").actual()).as("after the period").isEqualTo(wholeYear);
    }

    @Test
    void districtAndFacilityRowsAddUpToTheCity() {
        signIn("admin");
        List<Row> districts = progress.progress(plan78(), JUNE_30, Level.DISTRICT);
        assertThat(districts.stream().filter(r -> r.indicatorCode().equals("DOSSIERS")).count()).isEqualTo(30);
        assertThat(districts.stream().filter(r -> r.indicatorCode().equals("DOSSIERS")).mapToLong(Row::actual).sum()).isEqualTo(547);
        List<Row> facilities = progress.progress(plan78(), JUNE_30, Level.FACILITY);
        assertThat(facilities.stream().filter(r -> r.indicatorCode().equals("TRAINED")).mapToLong(Row::actual).sum()).isEqualTo(150);
        assertThat(facilities.stream().filter(r -> r.indicatorCode().equals("TRAINED")).map(Row::unitName))
                .contains("Cơ sở cai nghiện ma túy số 1 Hà Nội");
    }

    @Test
    void aDistrictsCommunesAddUpToTheDistrict() {
        signIn("district-001");
        String district = "001";
        long districtDossiers = progress.progress(plan78(), JUNE_30, Level.DISTRICT).stream()
                .filter(r -> r.unitCode().equals(district) && r.indicatorCode().equals("DOSSIERS")).findFirst().orElseThrow().actual();
        List<Row> communes = progress.communes(plan78(), JUNE_30, district).stream()
                .filter(r -> r.indicatorCode().equals("DOSSIERS")).toList();
        assertThat(communes).extracting(Row::unitCode).containsExactlyInAnyOrderElementsOf(
                units.children(district, JUNE_30).stream().map(vn.socialmap.geography.AdminUnit::getCode).toList());
        assertThat(communes.stream().mapToLong(Row::actual).sum()).isEqualTo(districtDossiers).isPositive();
        // Ba Đình holds no public rehab facility; Ba Vì (271) holds facility 1: its rows are the city's facility rows
        assertThat(progress.facilitiesIn(plan78(), JUNE_30, district)).isEmpty();
        signIn("admin");
        List<Row> baVi = progress.facilitiesIn(plan78(), JUNE_30, "271");
        assertThat(baVi).extracting(Row::unitCode).contains("1");
        assertThat(baVi).allSatisfy(r -> assertThat(r.unitCode()).isIn(progress.progress(plan78(), JUNE_30, Level.FACILITY).stream()
                .map(Row::unitCode).toList()));
    }

    @Test
    void leadersGetDistrictCountsPerturbedAndTheOfficialCityFiguresExact() {
        LocalDate mid = LocalDate.of(2022, 1, 15);
        signIn("admin");
        java.util.function.Predicate<Row> counts = r -> !List.of("REACHED_SERVICES", "MODELS").contains(r.indicatorCode());
        List<Row> exact = progress.progress(plan78(), mid, Level.DISTRICT).stream().filter(counts).toList();
        signIn("leader");
        List<Row> districts = progress.progress(plan78(), mid, Level.DISTRICT).stream().filter(counts).toList();
        assertThat(districts).hasSameSizeAs(exact);
        assertThat(districts).isNotEmpty().allSatisfy(r -> assertThat(r.actual()).as(r.toString()).isNotIn(1L, 4L));
        assertThat(exact).anySatisfy(r -> assertThat(r.actual()).isBetween(1L, 4L));
        long differing = java.util.stream.IntStream.range(0, exact.size())
                .filter(i -> !exact.get(i).actual().equals(districts.get(i).actual())).count();
        assertThat(differing).isPositive();
        // the seeds' city figures at the end of June are official, and read exactly
        Map<String, Row> city = cityAs("leader", JUNE_30);
        assertRow(city.get("ADMISSIONS"), 3_050, 1_482, 48.6);
        assertRow(city.get("DOSSIERS"), 950, 547, 57.6);
        assertRow(city.get("VOLUNTARY"), 2_100, 935, 44.5);
        assertRow(city.get("TRAINED"), 500, 150, 30.0);
    }

    @Test
    void theApiAnswersAsTheIssueNamesIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var mapper = JsonMapper.builder().build();
        HttpResponse<String> plans = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/plans"))
                .header("Authorization", basic("planner", "demo")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode plan78 = null;
        for (JsonNode p : mapper.readTree(plans.body())) {
            if (p.path("number").asString().equals("78/KH-UBND")) {
                plan78 = p;
            }
        }
        assertThat(plan78).isNotNull();
        assertThat(plan78.path("province").asString()).isEqualTo("01");
        assertThat(plan78.path("date").asString()).isEqualTo("2022-03-10");
        long id = plan78.path("id").asLong();
        HttpResponse<String> rows = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/plans/" + id
                        + "/progress?asOf=2022-06-30&level=city")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode first = mapper.readTree(rows.body()).get(0);
        for (String field : List.of("unitCode", "unitName", "indicatorCode", "indicatorName", "target", "actual", "percent", "status")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/plans/" + id
                        + "/progress?level=ward")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        HttpResponse<String> communes = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/plans/" + id
                        + "/progress?asOf=2022-06-30&level=commune&district=001")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(communes.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(communes.body()).get(0).path("target").isNull()).isTrue();
        HttpResponse<String> noDistrict = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/plans/" + id
                        + "/progress?level=commune")).header("Authorization", basic("planner", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noDistrict.statusCode()).isEqualTo(400);
        assertThat(noDistrict.body()).contains("district");
    }
}
