package vn.socialmap.base.web;

import java.util.Map;

import io.swagger.v3.oas.models.info.Info;
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
            Map.entry("from", "2023-01-01"), Map.entry("district", "001"), Map.entry("commune", "00001"),
            Map.entry("status", "POST_REHAB"), Map.entry("facility", "1"), Map.entry("ageGroup", "18-29"),
            Map.entry("sex", "MALE"), Map.entry("q", "nguyen"), Map.entry("page", "0"), Map.entry("size", "20"),
            Map.entry("id", "1"), Map.entry("type", "METHADONE_CLINIC"), Map.entry("version", "0"),
            Map.entry("bbox", "105.7,20.9,105.9,21.1"), Map.entry("indicator", "persons"), Map.entry("method", "gistar"),
            Map.entry("weights", "queen"), Map.entry("service", "methadone"), Map.entry("catchmentMeters", "10000"),
            Map.entry("source", "residences"), Map.entry("cellMeters", "250"), Map.entry("bandwidthMeters", "1500"),
            Map.entry("format", "json"), Map.entry("k", "5"), Map.entry("radiusMeters", "3000"),
            Map.entry("demand", "post_rehab"), Map.entry("exclude", "00001"), Map.entry("theme", "status"),
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
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(ApiDocumentation::example);
                }
            }));
        };
    }

    private static void example(Parameter p) {
        if (p.getExample() == null && (p.getSchema() == null || p.getSchema().getExample() == null)
                && EXAMPLES.containsKey(p.getName())) {
            p.setExample(EXAMPLES.get(p.getName()));
        }
    }
}
