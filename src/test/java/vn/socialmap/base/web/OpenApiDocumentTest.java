package vn.socialmap.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import vn.socialmap.IntegrationTest;
import vn.socialmap.cases.EventForm;
import vn.socialmap.cases.PersonForm;
import vn.socialmap.cases.PersonService;
import vn.socialmap.facilities.FacilityForm;
import vn.socialmap.facilities.FacilityService;

/**
 * The OpenAPI document describes every /api/v1 operation, with a summary, an example for
 * every parameter and request body, and its problem responses; the body examples are accepted.
 */
class OpenApiDocumentTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationIsDocumentedWithExamples() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JsonMapper.builder().build().readTree(r.body());
        List<String> documented = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            documented.add(name);
            if (op.getValue().path("summary").asString("").isBlank()) {
                problems.add(name + ": no summary");
            }
            JsonNode responses = op.getValue().path("responses");
            for (String status : List.of("401", "403")) {
                if (!responses.path(status).path("content").has("application/problem+json")) {
                    problems.add(name + ": no " + status + " problem response");
                }
            }
            if (op.getValue().has("requestBody")) {
                String schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asString("").replace("#/components/schemas/", "");
                if (!doc.path("components").path("schemas").path(schema).has("example")) {
                    problems.add(name + ": request body " + schema + " has no example");
                }
                if (op.getKey().equals("post") && !responses.has("201")) {
                    problems.add(name + ": creates but documents no 201");
                }
            }
            for (JsonNode p : op.getValue().path("parameters")) {
                if (!p.has("example") && !p.path("schema").has("example") && !p.has("examples")) {
                    problems.add(name + ": parameter " + p.path("name").asString() + " has no example");
                }
            }
        }));
        assertThat(problems).isEmpty();
        List<String> mapped = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + p))));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
        assertThat(doc.path("info").path("title").asString()).isNotBlank();
    }

    @Test
    void swaggerUiIsForSignedInUsersOnly() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(baseUrl() + "/swagger-ui/index.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
        if (anonymous.statusCode() == 302) {
            assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
        }
    }

    @Autowired
    PersonService persons;
    @Autowired
    FacilityService facilities;
    @Autowired
    ObjectMapper json;

    @Test
    @Transactional
    void theRequestBodyExamplesAreAcceptedAsTheyAre() {
        signIn("admin");
        PersonForm person = json.convertValue(ApiDocumentation.BODY_EXAMPLES.get("PersonForm"), PersonForm.class);
        long id = persons.create(person).person().getId();
        assertThat(persons.addEvent(id, json.convertValue(ApiDocumentation.BODY_EXAMPLES.get("EventForm"), EventForm.class)).getId())
                .isNotNull();
        assertThat(facilities.create(json.convertValue(ApiDocumentation.BODY_EXAMPLES.get("FacilityForm"), FacilityForm.class))
                .getId()).isNotNull();
        // ScenarioRequest's example is sent by SwaggerUiBrowserTest through "Try it out"; PlacementChoice's
        // needs a provisionally placed person, and ResidencePlacementTest sends it; CourtCommuneForm's changes a
        // court's area, and RegionalCourtsTest sends its fields (and its validFrom refused before 01/07/2025)
        assertThat(ApiDocumentation.BODY_EXAMPLES).containsOnlyKeys("PersonForm", "EventForm", "FacilityForm", "PlacementChoice",
                "ScenarioRequest", "CourtCommuneForm");
    }
}
