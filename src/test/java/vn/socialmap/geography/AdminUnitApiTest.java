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

    @Test
    void hanoiDistricts() throws Exception {
        JsonNode districts = features("province=01&level=district");
        assertThat(districts).hasSize(30);
        JsonNode baDinh = districts.get(0);
        assertThat(baDinh.path("type").asString()).isEqualTo("Feature");
        assertThat(baDinh.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        JsonNode p = baDinh.path("properties");
        assertThat(p.path("code").asString()).isEqualTo("001");
        assertThat(p.path("name").asString()).isEqualTo("Quận Ba Đình");
        assertThat(p.path("type").asString()).isEqualTo("Quận");
        assertThat(p.path("level").asString()).isEqualTo("district");
        assertThat(p.path("parentCode").asString()).isEqualTo("01");
        assertThat(p.path("geometrySource").asString()).isEqualTo("official");
    }

    @Test
    void districtIsTheDefaultLevel() throws Exception {
        assertThat(features("province=01")).hasSize(30);
        assertThat(features("province=48")).hasSize(8);
    }

    @Test
    void withoutProvinceOrParentTheCountryIsListed() throws Exception {
        assertThat(features("level=province")).extracting(f -> f.path("properties").path("code").asString()).containsExactly("01", "48");
        assertThat(features("level=district")).hasSize(38);
    }

    @Test
    void allHanoiCommunes() throws Exception {
        JsonNode communes = features("province=01&level=commune");
        assertThat(communes).hasSize(579);
        for (JsonNode c : communes) {
            assertThat(c.path("properties").path("geometrySource").asString()).isEqualTo("approximate");
            assertThat(c.path("properties").path("approximate").asBoolean()).isTrue();
        }
    }

    @Test
    void communesOfBaDinh() throws Exception {
        JsonNode communes = features("province=01&level=commune&parent=001");
        assertThat(communes).hasSize(14);
        assertThat(communes.get(0).path("properties").path("name").asString()).isEqualTo("Phường Phúc Xá");
        assertThat(features("parent=001")).hasSize(14);
    }

    @Test
    void simplifiedShapesHaveFewerVertices() throws Exception {
        int full = countPositions(features("province=01&level=district"));
        int simplified = countPositions(features("province=01&level=district&simplify=0.001"));
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
            "province=01&level=ward              | level",
            "province=01&parent=99999            | parent",
            "province=48&parent=001              | parent",
            "province=01&level=district&parent=001 | level",
            "province=01&simplify=-1             | simplify",
            "province=01&simplify=abc            | simplify",
            "province=01&simplify=NaN            | simplify",
            "province=01&provice=01              | provice",
    })
    void badRequestsGetProblemDetails(String query, String parameter) throws Exception {
        HttpResponse<String> response = get("/api/v1/admin-units?" + query);
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
        assertThat(operation.path("parameters").toString()).contains("province", "level", "parent", "simplify");
    }
}
