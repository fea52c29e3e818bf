package vn.socialmap.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import vn.socialmap.IntegrationTest;

/**
 * Every /api/v1 query parameter is bound to its type by one mechanism and refused the same way:
 * 400, problem details naming the parameter and saying what it must be, whatever the endpoint.
 */
class ApiRequestBindingTest extends IntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/analytics/hotspots?province=01&level=ward                      | level          | province, district, commune
            /api/v1/analytics/hotspots?province=01&method=kriging                  | method         | gistar, lisa
            /api/v1/analytics/hotspots?province=01&weights=distance:far            | weights        | distance:METRES
            /api/v1/analytics/hotspots?province=01&date=2022-13-01                 | date           | YYYY-MM-DD
            /api/v1/analytics/hotspots?province=01&indicator=cats                  | indicator      | post_rehab
            /api/v1/analytics/accessibility?province=01&service=methadone&catchmentMeters=50  | catchmentMeters | from 100 to 200000
            /api/v1/analytics/accessibility?province=01&service=methadone&catchmentMeters=far | catchmentMeters | number
            /api/v1/analytics/accessibility?province=01&service=methadone&method=walk | method      | e2sfca, nearest
            /api/v1/analytics/accessibility?province=01                            | service        | required
            /api/v1/analytics/density?province=01&status=HIGH                      | status         | ON_RECORD
            /api/v1/analytics/density?province=01&format=svg                       | format         | json, png
            /api/v1/analytics/density?province=01&source=clinics                   | source         | residences, hotspots
            /api/v1/analytics/density?province=01&cellMeters=5                     | cellMeters     | from 10 to 10000
            /api/v1/planning/coverage?province=01&k=2.5                            | k              | whole number
            /api/v1/planning/coverage?province=01&k=0                              | k              | from 1 to 100
            /api/v1/planning/coverage?province=01&radiusMeters=1e9                 | radiusMeters   | from 100 to 100000
            /api/v1/persons?page=-1                                                | page           | from 0 to 100000
            /api/v1/persons?size=1000                                              | size           | from 1 to 200
            /api/v1/persons?sex=X                                                  | sex            | MALE
            /api/v1/persons?status=sleeping                                        | status         | ON_RECORD
            /api/v1/persons?date=30/06/2022                                        | date           | YYYY-MM-DD
            /api/v1/persons/placement-reviews?size=0                               | size           | from 1 to 200
            /api/v1/stats/status-counts?province=01&unitsAsOf=yesterday            | unitsAsOf      | YYYY-MM-DD
            /api/v1/stats/status-counts?province=01&level=ward                     | level          | province, district, commune
            /api/v1/facilities?province=01&asOf=2022-02-30                         | asOf           | YYYY-MM-DD
            /api/v1/facilities?province=01&type=METHADONE_CLINIC,SPA               | type           | METHADONE_CLINIC
            /api/v1/plans/1/progress?level=region                                  | level          | city, district, facility, commune
            /api/v1/plans/1/progress?asOf=June                                     | asOf           | YYYY-MM-DD
            /api/v1/plans/national/progress?asOf=2022-06-31                        | asOf           | YYYY-MM-DD
            /api/v1/courts/for-commune/00004?date=now                              | date           | YYYY-MM-DD
            /api/v1/tiles/communes/ten/812/454.mvt                                 | z              | whole number
            /api/v1/tiles/communes/30/812/454.mvt                                  | z              | from 0 to 22
            /api/v1/tiles/communes/10/812/454.mvt?date=today                       | date           | YYYY-MM-DD
            /api/v1/tiles/rivers/10/812/454.mvt                                    | layer          | districts, communes
            /api/v1/exports/status-counts?province=01&format=pdf                   | format         | geojson, gpkg, csv, xlsx
            /api/v1/exports/roads?province=01                                      | dataset        | status-counts
            /api/v1/exports/facilities?province=01&type=SPA                        | type           | POST_REHAB_MODEL
            /api/v1/exports/persons?province=01&format=csv&status=x                | status         | ON_RECORD
            /api/v1/drug-free-communes?province=01&year=next                       | year           | whole number
            /api/v1/facilities/1?expand=all                                        | expand         | Unknown query parameter
            /api/v1/persons/duties?commune=00004                                   | commune        | Unknown query parameter
            /api/v1/plans?year=2022                                                | year           | Unknown query parameter
            """)
    void aBadParameterIsNamedAndExplained(String path, String parameter, String explanation) throws Exception {
        HttpResponse<String> response = call("admin", "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = ok(response, 400);
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("invalidParams")).hasSize(1);
        JsonNode invalid = problem.path("invalidParams").get(0);
        assertThat(invalid.path("name").asString()).isEqualTo(parameter);
        assertThat(invalid.path("reason").asString()).contains(explanation).isEqualTo(problem.path("detail").asString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/stats/status-counts?province=01&level=COMMUNE&date=
            /api/v1/stats/status-counts?province=01&level=District&date=2022-06-30
            /api/v1/analytics/hotspots?province=01&method=LISA&weights=distance:3000&indicator=POST_REHAB
            /api/v1/facilities?province=01&type=methadone_clinic,POST_REHAB_MODEL
            /api/v1/exports/facilities?province=01&type=methadone_clinic&type=post_rehab_model&format=CSV
            /api/v1/persons?status=on_record&sex=male&page=&size=5
            /api/v1/plans/1/progress?level=commune&district=001&asOf=2022-06-30
            /api/v1/planning/coverage?province=01&k=3&radiusMeters=2000&date=2023-06-30
            """)
    void valuesAreReadWhateverTheirCase(String path) throws Exception {
        HttpResponse<String> response = call("admin", "GET", path, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
