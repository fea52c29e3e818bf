package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;

class AdminUnitApiTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                        .header("Authorization", basic("leader", "demo")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode features(String query) throws Exception {
        HttpResponse<String> response = get("/api/v1/admin-units?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        return body.path("features");
    }

    static final String JUNE_2022 = "date=2022-06-30";

    @Test
    void todayHanoiHasItsRealCommunesAndNoDistricts() throws Exception {
        JsonNode communes = features("province=01");
        assertThat(communes).hasSize(126);
        JsonNode baDinh = communes.get(0);
        assertThat(baDinh.path("type").asString()).isEqualTo("Feature");
        assertThat(baDinh.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        JsonNode p = baDinh.path("properties");
        assertThat(p.path("structure").asString()).isEqualTo("2025-07");
        assertThat(p.path("code").asString()).isEqualTo("00004");
        assertThat(p.path("name").asString()).isEqualTo("Phường Ba Đình");
        assertThat(p.path("level").asString()).isEqualTo("commune");
        assertThat(p.path("parentCode").asString()).isEqualTo("01");
        assertThat(p.path("geometrySource").asString()).isEqualTo("official");
        assertThat(p.path("validFrom").asString()).isEqualTo("2025-07-01");
        assertThat(p.path("validTo").isNull()).isTrue();
        assertThat(p.path("population").asInt()).isEqualTo(65_023);
        assertThat(features("province=01&level=district")).as("no districts since 1 July 2025").isEmpty();
        assertThat(features("province=48")).hasSize(94);
    }

    @Test
    void on30June2022TheThirtyDistrictsAndTheirCommunes() throws Exception {
        JsonNode districts = features("province=01&" + JUNE_2022);
        assertThat(districts).hasSize(30);
        JsonNode p = districts.get(0).path("properties");
        assertThat(p.path("structure").asString()).isEqualTo("2022");
        assertThat(p.path("code").asString()).isEqualTo("001");
        assertThat(p.path("name").asString()).isEqualTo("Quận Ba Đình");
        assertThat(p.path("type").asString()).isEqualTo("Quận");
        assertThat(p.path("geometrySource").asString()).isEqualTo("official");
        assertThat(p.path("validTo").asString()).isEqualTo("2024-12-31");
        JsonNode communes = features("province=01&level=commune&" + JUNE_2022);
        assertThat(communes).hasSize(579);
        for (JsonNode c : communes) {
            assertThat(c.path("properties").path("geometrySource").asString()).isEqualTo("approximate");
            assertThat(c.path("properties").path("approximate").asBoolean()).isTrue();
        }
        assertThat(features("province=01&level=commune&date=2025-03-01")).hasSize(526);
        assertThat(features("province=48&" + JUNE_2022)).hasSize(8);
    }

    @Test
    void withoutProvinceOrParentTheCountryIsListed() throws Exception {
        assertThat(features("level=province")).hasSize(34);
        assertThat(features("level=province&" + JUNE_2022)).extracting(f -> f.path("properties").path("code").asString())
                .containsExactly("01", "48");
        assertThat(features("level=district&" + JUNE_2022)).hasSize(38);
        assertThat(features("level=district")).isEmpty();
    }

    @Test
    void communesOfBaDinhIn2022() throws Exception {
        JsonNode communes = features("province=01&level=commune&parent=001&" + JUNE_2022);
        assertThat(communes).hasSize(14);
        assertThat(communes.get(0).path("properties").path("name").asString()).isEqualTo("Phường Phúc Xá");
        assertThat(features("parent=001&" + JUNE_2022)).hasSize(14);
        assertThat(features("parent=01&level=commune")).hasSize(126);
    }

    @Test
    void aUnitsHistoryNamesWhatItCameFromAndWentInto() throws Exception {
        HttpResponse<String> response = get("/api/v1/admin-units/00004/history");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode today = json.readTree(response.body());
        assertThat(today.path("unit").path("name").asString()).isEqualTo("Phường Ba Đình");
        assertThat(today.path("successors")).isEmpty();
        assertThat(today.path("predecessors")).extracting(l -> l.path("name").asString())
                .contains("Phường Trúc Bạch", "Phường Quán Thánh", "Phường Ngọc Hà");
        JsonNode ngocHa = java.util.stream.StreamSupport.stream(today.path("predecessors").spliterator(), false)
                .filter(l -> l.path("code").asString().equals("00016")).findFirst().orElseThrow();
        assertThat(ngocHa.path("kind").asString()).isEqualTo("part");
        assertThat(ngocHa.path("structure").asString()).isEqualTo("2025-01");
        assertThat(ngocHa.path("date").asString()).isEqualTo("2025-07-01");
        assertThat(ngocHa.path("source").asString()).contains("chinhphu.vn");

        JsonNode trucBach = json.readTree(get("/api/v1/admin-units/00004/history?" + JUNE_2022).body());
        assertThat(trucBach.path("unit").path("name").asString()).isEqualTo("Phường Trúc Bạch");
        assertThat(trucBach.path("unit").path("structure").asString()).isEqualTo("2022");
        assertThat(trucBach.path("successors")).hasSize(1);
        assertThat(trucBach.path("successors").get(0).path("kind").asString()).isEqualTo("whole");
        assertThat(trucBach.path("successors").get(0).path("date").asString()).isEqualTo("2025-01-01");

        JsonNode district = json.readTree(get("/api/v1/admin-units/001/history?date=2025-03-01").body());
        assertThat(district.path("successors")).extracting(l -> l.path("code").asString()).contains("00004", "00008", "00025");
    }

    @Test
    void simplifiedShapesHaveFewerVertices() throws Exception {
        int full = countPositions(features("province=01"));
        int simplified = countPositions(features("province=01&simplify=0.001"));
        assertThat(simplified).isPositive().isLessThan(full / 2);
    }

    private static int countPositions(JsonNode node) {
        if (node.isArray() && node.size() == 2 && node.get(0).isNumber()) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : node) {
            n += countPositions(child);
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "province=99                         | province",
            "province=79&date=2022-06-30         | province",
            "date=2022-02-30                     | date",
            "date=yesterday                      | date",
            "province=01&parent=00004&date=2022-06-30&level=district | level",
            "province=01&level=ward              | level",
            "province=01&parent=99999            | parent",
            "province=48&parent=001              | parent",
            "province=01&level=district&parent=001&date=2022-06-30 | level",
            "province=01&level=district&parent=001 | parent",
            "province=01&simplify=-1             | simplify",
            "province=01&simplify=abc            | simplify",
            "province=01&simplify=NaN            | simplify",
            "province=01&provice=01              | provice",
    })
    void badRequestsGetProblemDetails(String query, String parameter) throws Exception {
        assertProblem(get("/api/v1/admin-units?" + query), parameter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/admin-units/99999/history              | code",
            "/api/v1/admin-units/001/history                | code",
            "/api/v1/admin-units/00004/history?date=2022-13-01 | date",
            "/api/v1/admin-units/00004/history?when=today   | when",
    })
    void badHistoryRequestsGetProblemDetails(String path, String parameter) throws Exception {
        assertProblem(get(path), parameter);
    }

    private void assertProblem(HttpResponse<String> response, String parameter) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("invalidParams").get(0).path("name").asString()).isEqualTo(parameter);
    }

    @Test
    void openApiDescribesTheEndpoint() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json.readTree(response.body());
        JsonNode operation = doc.path("paths").path("/api/v1/admin-units").path("get");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.path("parameters").toString()).contains("province", "level", "parent", "date", "simplify");
        assertThat(doc.path("paths").path("/api/v1/admin-units/{code}/history").path("get").isMissingNode()).isFalse();
    }
}
