package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;

/** The analytics API as the issue names it, checked against independent counts and recomputation. */
class AnalyticsApiTest extends IntegrationTest {

    static final String DATE = "2023-06-30";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AdminUnitService units;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String user, String path) throws Exception {
        HttpResponse<String> r = get(user, path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }

    @Test
    void indicatorsAreListedWithNamesAndUnits() throws Exception {
        JsonNode list = ok("leader", "/api/v1/analytics/indicators");
        List<String> codes = new ArrayList<>();
        list.forEach(i -> {
            codes.add(i.path("code").asString());
            assertThat(i.path("name").asString()).isNotBlank();
            assertThat(i.path("unit").asString()).isIn("people", "events");
        });
        assertThat(codes).contains("persons", "post_rehab", "methadone", "relapses", "compulsory_admissions");
    }

    @Test
    void giStarHotspotsCarryTrueStatisticsForEveryCommune() throws Exception {
        JsonNode fc = ok("admin", "/api/v1/analytics/hotspots?province=01&level=commune&indicator=persons&method=gistar"
                + "&weights=queen&date=" + DATE);
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        JsonNode features = fc.path("features");
        assertThat(features.size()).isEqualTo(579);
        // values: an independent count of people on record on the date
        Map<String, Long> expected = new HashMap<>();
        jdbc.sql("""
                select commune_code, count(distinct person_id) as n from person_status_period where province_code = '01'
                and status = 'ON_RECORD' and valid_from <= date '2023-06-30' and (valid_to is null or valid_to > date '2023-06-30')
                group by 1""").query(rs -> {
            expected.put(rs.getString(1), rs.getLong(2));
        });
        // the communes in force on the date: those of the 2022 structure
        List<AdminUnit> communes = new ArrayList<>(units.byLevel("01", AdminLevel.COMMUNE, java.time.LocalDate.parse(DATE)));
        communes.sort(java.util.Comparator.comparing(AdminUnit::getCode));
        double[] values = communes.stream().mapToDouble(c -> expected.getOrDefault(c.getCode(), 0L)).toArray();
        double[] z = HotspotStatistics.giStar(values, SpatialWeights.queen(communes.stream().map(AdminUnit::getGeom).toList(), true));
        double[] p = HotspotStatistics.twoSidedP(z);
        double[] fdr = HotspotStatistics.benjaminiHochberg(p);
        int hot = 0;
        for (int i = 0; i < features.size(); i++) {
            JsonNode props = features.get(i).path("properties");
            assertThat(props.path("code").asString()).isEqualTo(communes.get(i).getCode());
            assertThat(props.path("value").asLong()).isEqualTo((long) values[i]);
            assertThat(props.path("z").asDouble()).isCloseTo(z[i], within(1e-12));
            assertThat(props.path("p").asDouble()).isCloseTo(p[i], within(1e-12));
            assertThat(props.path("pFdr").asDouble()).isCloseTo(fdr[i], within(1e-12)).isGreaterThanOrEqualTo(p[i] - 1e-15);
            assertThat(props.path("class").asString()).isEqualTo(HotspotService.giClass(z[i], p[i]));
            hot += props.path("class").asString().startsWith("hot_") ? 1 : 0;
        }
        assertThat(hot).isPositive();
    }

    @Test
    void ratesPer100000StandBesideTheCountsWhereThePopulationIsKnown() throws Exception {
        JsonNode today = ok("district-001", "/api/v1/analytics/hotspots?province=01&level=commune&indicator=persons").path("features");
        assertThat(today.size()).isEqualTo(126);
        for (JsonNode f : today) {
            JsonNode props = f.path("properties");
            long population = props.path("population").asLong();
            assertThat(population).as(props.path("code").asString()).isPositive();
            assertThat(props.path("per100k").asDouble())
                    .isCloseTo(100_000.0 * props.path("value").asLong() / population, within(0.051));
        }
        JsonNode hidden = ok("leader", "/api/v1/analytics/hotspots?province=01&level=commune&indicator=persons").path("features");
        for (JsonNode f : hidden) {
            if (f.path("properties").path("value").isNull()) {
                assertThat(f.path("properties").path("per100k").isNull()).as("a hidden count hides its rate").isTrue();
            }
        }
        JsonNode then = ok("district-001", "/api/v1/analytics/hotspots?province=01&level=district&indicator=persons&date=" + DATE)
                .path("features");
        assertThat(then.size()).isEqualTo(30);
        // a former district has a population only where today's communes were formed from it alone
        long withPopulation = 0;
        for (JsonNode f : then) {
            JsonNode props = f.path("properties");
            assertThat(props.path("per100k").isNull()).as(props.path("code").asString()).isEqualTo(props.path("population").isNull());
            withPopulation += props.path("population").isNull() ? 0 : 1;
        }
        assertThat(withPopulation).isBetween(1L, 29L);
    }

    @Test
    void leadersGetStatisticsComputedFromTheirProtectedValuesOnly() throws Exception {
        String path = "/api/v1/analytics/hotspots?province=01&indicator=relapses&date=2023-12-31&from=2023-01-01";
        JsonNode exact = ok("admin", path).path("features");
        JsonNode leader = ok("leader", path).path("features");
        assertThat(leader.size()).isEqualTo(exact.size());
        int differing = 0;
        double[] values = new double[leader.size()];
        for (int i = 0; i < leader.size(); i++) {
            JsonNode l = leader.get(i).path("properties");
            assertThat(l.path("value").isNumber()).isTrue();
            assertThat(l.path("value").asLong()).isNotIn(1L, 4L);
            differing += l.path("value").asLong() == exact.get(i).path("properties").path("value").asLong() ? 0 : 1;
            values[i] = l.path("value").asDouble();
        }
        assertThat(differing).isPositive();
        // z is Gi* of the published values (queen weights of today's communes): nothing more comes out of it
        List<AdminUnit> communes = new ArrayList<>(units.byLevel("01", AdminLevel.COMMUNE, java.time.LocalDate.parse("2023-12-31")));
        communes.sort(java.util.Comparator.comparing(AdminUnit::getCode));
        double[] z = HotspotStatistics.giStar(values, SpatialWeights.queen(
                communes.stream().map(u -> (org.locationtech.jts.geom.Geometry) u.getGeom()).toList(), true));
        for (int i = 0; i < leader.size(); i++) {
            assertThat(leader.get(i).path("properties").path("z").asDouble()).isCloseTo(z[i], within(1e-9));
        }
    }

    @Test
    void localMoranGivesQuadrantsAndReproduciblePermutationPValues() throws Exception {
        String path = "/api/v1/analytics/hotspots?province=01&level=commune&indicator=persons&method=lisa&date=" + DATE;
        JsonNode first = ok("planner", path).path("features");
        JsonNode again = ok("planner", path).path("features");
        int highHigh = 0;
        for (int i = 0; i < first.size(); i++) {
            JsonNode props = first.get(i).path("properties");
            assertThat(props.has("ii")).isTrue();
            assertThat(props.path("p").asDouble()).isBetween(0.001, 1.0).isEqualTo(again.get(i).path("properties").path("p").asDouble());
            if (props.path("class").asString().equals("HH")) {
                highHigh++;
                assertThat(props.path("quadrant").asString()).isEqualTo("HH");
                assertThat(props.path("p").asDouble()).isLessThanOrEqualTo(0.05);
            }
        }
        assertThat(highHigh).isPositive();
    }

    @Test
    void distanceWeightsAndDistrictLevelWork() throws Exception {
        JsonNode fc = ok("planner", "/api/v1/analytics/hotspots?province=01&level=district&weights=distance:15000&date=" + DATE);
        assertThat(fc.path("features").size()).isEqualTo(30);
    }

    @Test
    void badParametersAreRefusedWithProblemDetails() throws Exception {
        for (String query : List.of("province=99", "province=01&weights=rook", "province=01&weights=distance:-5",
                "province=01&method=kriging", "province=01&indicator=unknown", "province=01&date=30-06-2023",
                "province=01&level=province", "province=01&from=2023-07-01&date=2023-06-30", "province=01&colour=red")) {
            HttpResponse<String> r = get("planner", "/api/v1/analytics/hotspots?" + query);
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
    }

    @Test
    void accessibilityReturnsItsInputsAndScoresThatAddUpToTheSupply() throws Exception {
        JsonNode r = ok("district-001", "/api/v1/analytics/accessibility?province=01&service=methadone&method=e2sfca"
                + "&catchmentMeters=10000&date=" + DATE);
        JsonNode communes = r.path("communes");
        JsonNode supply = r.path("supply");
        JsonNode demand = r.path("demand");
        assertThat(communes.size()).isEqualTo(579);
        assertThat(supply.size()).isPositive();
        // methadone clinics record their places: the score is places per person on record
        assertThat(r.path("supplyUnit").asString()).isEqualTo("PLACES");
        // the E2SFCA identity: sum_i A_i P_i = total capacity of the services that some demand reaches
        double weighted = 0;
        for (int i = 0; i < communes.size(); i++) {
            weighted += communes.get(i).path("score").asDouble() * demand.get(i).path("weight").asDouble();
        }
        double reachedSupply = 0;
        for (JsonNode s : supply) {
            boolean reached = false;
            for (JsonNode d : demand) {
                if (d.path("weight").asDouble() > 0 && SpatialWeights.greatCircleMetres(d.path("lon").asDouble(), d.path("lat").asDouble(),
                        s.path("lon").asDouble(), s.path("lat").asDouble()) < 10_000) {
                    reached = true;
                    break;
                }
            }
            reachedSupply += reached ? s.path("capacity").asDouble() : 0;
        }
        assertThat(weighted).isCloseTo(reachedSupply, within(1e-6 * reachedSupply));
        // nearest: the smallest great-circle distance to a listed service
        for (int i = 0; i < 20; i++) {
            JsonNode d = demand.get(i);
            double best = Double.MAX_VALUE;
            for (JsonNode s : supply) {
                best = Math.min(best, SpatialWeights.greatCircleMetres(d.path("lon").asDouble(), d.path("lat").asDouble(),
                        s.path("lon").asDouble(), s.path("lat").asDouble()));
            }
            assertThat(communes.get(i).path("nearestMeters").asDouble()).isCloseTo(best, within(1e-6));
        }
        JsonNode nearest = ok("leader", "/api/v1/analytics/accessibility?province=01&service=counseling&method=nearest");
        assertThat(nearest.path("communes").get(0).path("score").isNull()).isTrue();
        // counseling points record no capacity: each counts as one service
        assertThat(nearest.path("supplyUnit").asString()).isEqualTo("SERVICES");
        // caseloads are the leader's protected ones
        assertThat(nearest.path("demand").findValues("weight")).isNotEmpty().allMatch(w -> w.isNumber() && w.asLong() != 1 && w.asLong() != 4);
        assertThat(get("leader", "/api/v1/analytics/accessibility?province=01&service=bakery").statusCode()).isEqualTo(400);
    }

    @Test
    void densityIsForRolesThatSeePersons() throws Exception {
        assertThat(get("leader", "/api/v1/analytics/density?province=01").statusCode()).isEqualTo(403);
        JsonNode grid = ok("district-001", "/api/v1/analytics/density?province=01&date=" + DATE);
        assertThat(grid.path("bandwidthMeters").asDouble()).isPositive();
        assertThat(grid.path("values").size()).isEqualTo(grid.path("columns").asInt() * grid.path("rows").asInt());
        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/v1/analytics/density?province=01&format=png&cellMeters=200"))
                .header("Authorization", basic("admin", "demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(png.headers().firstValue("X-Bounds").orElse("")).matches("[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+");
        assertThat(get("admin", "/api/v1/analytics/density?province=01&cellMeters=10").statusCode()).isEqualTo(400);
    }

    @Test
    void theCoveringModelIsOptimalOnHanoiAndAccountsForItsWeights() throws Exception {
        JsonNode r = ok("admin", "/api/v1/planning/coverage?province=01&k=5&radiusMeters=3000&demand=post_rehab");
        assertThat(r.path("optimal").asBoolean()).isTrue();
        assertThat(r.path("gap").asDouble()).isZero();
        // without a date: today's 126 communes are the candidate sites
        assertThat(r.path("candidates").size()).isEqualTo(126);
        List<String> chosen = new ArrayList<>();
        r.path("chosen").forEach(c -> chosen.add(c.asString()));
        assertThat(chosen).hasSize(5).doesNotHaveDuplicates();
        Map<String, double[]> site = new HashMap<>();
        r.path("candidates").forEach(c -> site.put(c.path("code").asString(), new double[] {c.path("lon").asDouble(), c.path("lat").asDouble()}));
        long covered = 0;
        long total = 0;
        for (JsonNode d : r.path("demand")) {
            long w = d.path("weight").asLong();
            total += w;
            boolean reached = chosen.stream().anyMatch(c -> SpatialWeights.greatCircleMetres(d.path("lon").asDouble(),
                    d.path("lat").asDouble(), site.get(c)[0], site.get(c)[1]) <= 3000);
            covered += reached ? w : 0;
        }
        assertThat(r.path("coveredWeight").asLong()).isEqualTo(covered).isPositive();
        assertThat(r.path("totalWeight").asLong()).isEqualTo(total).isGreaterThan(covered);
        // the area's demand: what is left to the new sites and what the existing models reach
        assertThat(r.path("areaWeight").asLong()).isEqualTo(total + r.path("coveredByExisting").asLong());
        // excluding the chosen communes forces other sites, covering no more
        String exclude = String.join("&exclude=", chosen);
        JsonNode without = ok("admin", "/api/v1/planning/coverage?province=01&k=5&radiusMeters=3000&exclude=" + exclude);
        assertThat(without.path("chosen").findValuesAsString("chosen")).doesNotContainAnyElementsOf(chosen);
        List<String> second = new ArrayList<>();
        without.path("chosen").forEach(c -> second.add(c.asString()));
        assertThat(second).doesNotContainAnyElementsOf(chosen);
        assertThat(without.path("coveredWeight").asLong()).isLessThanOrEqualTo(covered);
        JsonNode asLeader = ok("leader", "/api/v1/planning/coverage?province=01&k=5&radiusMeters=3000&demand=post_rehab");
        // the leader's model runs on the protected demand: never 1 to 4, covered weight consistent with it
        assertThat(asLeader.path("demand").findValues("weight")).isNotEmpty().allMatch(w -> w.asLong() != 1 && w.asLong() != 4);
        assertThat(asLeader.path("totalWeight").asLong())
                .isEqualTo(asLeader.path("demand").findValues("weight").stream().mapToLong(JsonNode::asLong).sum());
        assertThat(get("planner", "/api/v1/planning/coverage?province=01&k=2.5").statusCode()).isEqualTo(400);
        assertThat(get("planner", "/api/v1/planning/coverage?province=01&radiusMeters=5").statusCode()).isEqualTo(400);
    }

    @Test
    void plannersSaveScenariosOthersMayNot() throws Exception {
        String body = """
                {"province":"01","name":"Năm điểm, 3 km","k":5,"radiusMeters":3000,"demand":"post_rehab","asOf":"2023-06-30"}""";
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/planning/scenarios"))
                .header("Authorization", basic("planner", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        long id = json.readTree(saved.body()).path("id").asLong();
        assertThat(json.readTree(saved.body()).path("chosen").size()).isEqualTo(5);
        assertThat(ok("leader", "/api/v1/planning/scenarios?province=01").findValuesAsString("name")).contains("Năm điểm, 3 km");
        assertThat(ok("leader", "/api/v1/planning/scenarios/" + id).path("k").asInt()).isEqualTo(5);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/planning/scenarios"))
                .header("Authorization", basic("commune-00001", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/planning/scenarios"))
                .header("Authorization", basic("planner", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("\"k\":5", "\"k\":0"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        long count = jdbc.sql("select count(*) from planning_scenario where k = 0").query(Long.class).single();
        assertThat(count).isZero();
    }

    @Autowired
    ScenarioService scenarios;

    @Test
    void scenariosExportSideBySide() throws Exception {
        signIn("planner");
        var a = scenarios.save(new ScenarioService.Inputs("01", "=A ba điểm", 3, 2000, AnalyticsIndicator.POST_REHAB,
                java.time.LocalDate.of(2023, 6, 30), List.of()));
        var b = scenarios.save(new ScenarioService.Inputs("01", "B sáu điểm", 6, 4000, AnalyticsIndicator.POST_REHAB,
                java.time.LocalDate.of(2023, 6, 30), List.of(a.chosen().getFirst())));
        assertThat(b.chosen()).doesNotContain(a.chosen().getFirst());
        var out = new java.io.ByteArrayOutputStream();
        scenarios.writeXlsx(List.of(a, b), key -> key, (code, day) -> "name of " + code, out);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).as("no formula from a name").isEqualTo("'=A ba điểm");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("B sáu điểm");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(6);
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).as("the indicator's name, not its code")
                    .isEqualTo("analytics.indicator.POST_REHAB");
            assertThat(sheet.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(a.coveredWeight());
            assertThat(sheet.getRow(8).getCell(0).getStringCellValue()).isEqualTo("planning.area");
            assertThat(sheet.getRow(8).getCell(1).getNumericCellValue()).isEqualTo((double) a.areaWeight());
            assertThat(sheet.getRow(9).getCell(2).getNumericCellValue()).isEqualTo(Math.round(b.coveredPercent() * 10) / 10.0);
            assertThat(sheet.getRow(ScenarioService.CHOSEN_ROW + 5).getCell(2).getStringCellValue())
                    .isEqualTo(b.chosen().get(5) + " name of " + b.chosen().get(5));
        }
    }

    @Autowired
    UnitValues unitValues;

    /**
     * "% served" has one base: the demand of the whole area. Two radii on the same data reach
     * different demand through the existing models (what is left to the new sites differs), yet
     * both shares are of the same denominator, the area's demand counted independently here.
     */
    @Test
    void theServedShareOfEveryRadiusIsOfTheAreasDemand() {
        signIn("planner");
        java.time.LocalDate asOf = java.time.LocalDate.parse(DATE);
        var near = scenarios.save(new ScenarioService.Inputs("01", "Bán kính 1 km", 3, 1000, AnalyticsIndicator.POST_REHAB,
                asOf, List.of()));
        var far = scenarios.save(new ScenarioService.Inputs("01", "Bán kính 8 km", 3, 8000, AnalyticsIndicator.POST_REHAB,
                asOf, List.of()));
        long area = Math.round(java.util.Arrays.stream(unitValues.load("01", AdminLevel.COMMUNE, AnalyticsIndicator.POST_REHAB,
                UnitValues.defaultFrom(asOf), asOf).values()).sum());
        assertThat(area).isPositive();
        // the existing models reach more with the larger radius: the demand left to the new sites differs
        assertThat(far.coveredByExisting()).isGreaterThan(near.coveredByExisting());
        assertThat(far.totalWeight()).isNotEqualTo(near.totalWeight());
        // one base for both
        assertThat(near.areaWeight()).isEqualTo(area);
        assertThat(far.areaWeight()).isEqualTo(area);
        assertThat(near.coveredPercent()).isCloseTo(100.0 * near.coveredWeight() / area, within(1e-9));
        assertThat(far.coveredPercent()).isCloseTo(100.0 * far.coveredWeight() / area, within(1e-9));
        assertThat(far.servedPercent()).isCloseTo(100.0 * (far.coveredByExisting() + far.coveredWeight()) / area, within(1e-9));
        // read back as saved
        assertThat(scenarios.get(far.id()).coveredPercent()).isEqualTo(far.coveredPercent());
    }
}
