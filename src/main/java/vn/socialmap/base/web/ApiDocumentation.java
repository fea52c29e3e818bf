package vn.socialmap.base.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header and an example for every parameter: parameters with the
 * same name mean the same thing across the API, so their examples are kept here in one
 * place rather than on each controller. Swagger UI (/swagger-ui.html) is for signed-in users.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** Example values by parameter name, all valid on the demo data. */
    static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry("province", "01"), Map.entry("level", "commune"), Map.entry("parent", "001"),
            Map.entry("simplify", "0.0005"), Map.entry("date", "2023-06-30"), Map.entry("asOf", "2022-06-30"),
            Map.entry("from", "2023-01-01"), Map.entry("district", "001"), Map.entry("commune", "00004"),
            Map.entry("unitsAsOf", "2022-06-30"),
            Map.entry("status", "POST_REHAB"), Map.entry("facility", "1"), Map.entry("ageGroup", "18-29"),
            Map.entry("sex", "MALE"), Map.entry("q", "nguyen"), Map.entry("page", "0"), Map.entry("size", "20"),
            Map.entry("id", "1"), Map.entry("type", "METHADONE_CLINIC"), Map.entry("version", "0"),
            Map.entry("bbox", "105.7,20.9,105.9,21.1"), Map.entry("indicator", "persons"), Map.entry("method", "gistar"),
            Map.entry("weights", "queen"), Map.entry("service", "methadone"), Map.entry("catchmentMeters", "10000"),
            Map.entry("source", "residences"), Map.entry("cellMeters", "250"), Map.entry("bandwidthMeters", "1500"),
            Map.entry("format", "json"), Map.entry("k", "5"), Map.entry("radiusMeters", "3000"),
            Map.entry("demand", "post_rehab"), Map.entry("exclude", "00004"), Map.entry("theme", "status"),
            Map.entry("variant", "ON_RECORD"), Map.entry("layer", "communes"), Map.entry("z", "10"), Map.entry("x", "813"),
            Map.entry("y", "450"), Map.entry("reason", "Khẩn cấp: người bệnh chuyển viện"),
            Map.entry("If-None-Match", "\"9c1f0e6b2a7d4c3e8f5a1b2c3d4e5f60\""));

    @Bean
    OpenApiCustomizer socialmapApi() {
        return api -> {
            api.info(new Info().title("Social problems map API").version("v1")
                    .description("Administrative units, the case registry, facilities, plans and spatial analytics of the"
                            + " social problems map. Every call needs a signed-in user (HTTP Basic or the application's"
                            + " session); errors are RFC 9457 problem details; spatial results are GeoJSON."));
            api.schemaRequirement("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            api.addSecurityItem(new SecurityRequirement().addList("basic"));
            api.getComponents().addSchemas("Problem", problemSchema());
            BODY_EXAMPLES.forEach((name, example) -> {
                Schema<?> schema = api.getComponents().getSchemas().get(name);
                if (schema != null) {
                    schema.setExample(example);
                }
            });
            api.getPaths().forEach((name, path) -> path.readOperationsMap().forEach((method, op) -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(ApiDocumentation::example);
                }
                problems(name, method, op);
            }));
        };
    }

    /**
     * Request bodies by schema name, each accepted as it is on the demo data (tested), so that
     * Swagger UI's "Try it out" works without editing.
     */
    static final Map<String, Object> BODY_EXAMPLES = Map.of(
            "PersonForm", ordered("fullName", "Nguyễn Văn Ví Dụ", "birthDate", "1990-03-15", "sex", "MALE",
                    "nationalId", "001090999001", "permanentCommuneCode", "00004", "permanentAddress", "1 Phố Mẫu",
                    "currentCommuneCode", "00004", "currentAddress", "1 Phố Mẫu", "occupation", "Lao động tự do"),
            "EventForm", ordered("type", "DRUG_USE_RECORD", "date", "2024-01-10", "details", Map.of()),
            "FacilityForm", ordered("type", "COUNSELING_POINT", "code", "TV-VD-01", "name", "Điểm tư vấn ví dụ",
                    "address", "1 Phố Mẫu", "communeCode", "00004", "longitude", 105.8410, "latitude", 21.0482,
                    "phone", "024 3823 0000", "status", "ACTIVE", "statusSince", "2024-01-01", "details", Map.of()),
            "PlacementChoice", ordered("communeCode", "00004"),
            "CourtCommuneForm", ordered("validFrom", "2025-07-01", "source", "Nghị quyết 81/2025/UBTVQH15, Phụ lục mục 12"),
            "ScenarioRequest", ordered("province", "01", "name", "Ví dụ: 5 điểm mới trong bán kính 3 km", "k", 5,
                    "radiusMeters", 3000, "demand", "post_rehab", "asOf", "2022-06-30", "excluded", List.of()));

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The problem details an operation may answer with (RFC 9457), as the handlers produce them. */
    private static void problems(String path, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses();
        boolean takesInput = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        if (takesInput) {
            responses.putIfAbsent("400", problem("Invalid request: a parameter or field is malformed, or a rule refuses it"
                    + " (`invalidParams` names the field, `rule` the rule)"));
        }
        responses.putIfAbsent("401", problem("Not signed in (HTTP Basic or the application's session)"));
        responses.putIfAbsent("403", problem("The caller's role or area does not allow this request; a session's"
                + " request that changes data also needs the X-XSRF-TOKEN header"));
        if (path.contains("{id}")) {
            responses.putIfAbsent("404", problem("No such record, or not in the caller's area"));
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            responses.putIfAbsent("409", problem("Conflicts with a record (e.g. national ID on record, `existing` links it)"
                    + " or with a change saved meanwhile"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("date must be YYYY-MM-DD, got '30/06/2023'"))
                .addProperty("instance", new StringSchema().example("/api/v1/stats/status-counts"))
                .addProperty("rule", new StringSchema().description("message key of the refusing rule"))
                .addProperty("invalidParams", new ArraySchema().items(new ObjectSchema()
                        .addProperty("name", new StringSchema().example("date"))
                        .addProperty("reason", new StringSchema().example("date must be YYYY-MM-DD"))))
                .addProperty("existing", new StringSchema().description("link to the record a 409 conflicts with"));
    }

    private static void example(Parameter p) {
        if (p.getExample() == null && (p.getSchema() == null || p.getSchema().getExample() == null)
                && EXAMPLES.containsKey(p.getName())) {
            p.setExample(EXAMPLES.get(p.getName()));
        }
    }
}
