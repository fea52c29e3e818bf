package vn.socialmap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.socialmap.IntegrationTest;

/**
 * Who may open what. Every view route and every /api/v1 operation must be listed here:
 * a new route or path that the matrix does not list fails the build, so access is
 * decided on purpose, not by default.
 */
class RoleAccessMatrixTest extends IntegrationTest {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ADMIN_ONLY = EnumSet.of(Role.ADMIN);

    /** View route → roles allowed (anonymous access listed separately). */
    private static final Map<String, Set<Role>> VIEWS = new LinkedHashMap<>();
    private static final Set<String> ANONYMOUS_VIEWS = Set.of("login");
    /** "METHOD /path" → roles allowed, with a sample request to try. */
    private static final Map<String, Set<Role>> API = new LinkedHashMap<>();
    private static final Map<String, String> API_SAMPLES = new LinkedHashMap<>();

    /** A demo user of each role. */
    private static final Map<Role, String> USERS = Map.of(
            Role.ADMIN, "admin", Role.CITY_LEADER, "leader", Role.PLANNER, "planner", Role.PROVINCIAL_POLICE, "police-01",
            Role.DISTRICT_OFFICER, "district-003", Role.COMMUNE_OFFICER, "commune-00004", Role.FACILITY_OFFICER, "facility-1");

    /** Further demo users of a role, tried like the one above. */
    private static final Map<Role, java.util.List<String>> MORE_USERS = new java.util.EnumMap<>(Role.class);

    static {
        // issue 19: the officers of Hà Nội police's 4 facilities (from 01/03/2025)
        MORE_USERS.put(Role.FACILITY_OFFICER, java.util.List.of("facility-pc04-1", "facility-pc04-2", "facility-pc04-3",
                "facility-pc04-4"));
    }

    static {
        VIEWS.put("", ALL);
        VIEWS.put("login", ALL);
        VIEWS.put("password", ALL);
        VIEWS.put("admin/users", ADMIN_ONLY);
        VIEWS.put("admin/audit", ADMIN_ONLY);
        VIEWS.put("admin/access-grants", ADMIN_ONLY);
        VIEWS.put("admin/boundaries", ADMIN_ONLY);
        VIEWS.put("admin/courts", ADMIN_ONLY);
        Set<Role> personRoles = EnumSet.of(Role.ADMIN, Role.PROVINCIAL_POLICE, Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER,
                Role.FACILITY_OFFICER);
        VIEWS.put("persons", personRoles);
        VIEWS.put("persons/:id", personRoles);
        VIEWS.put("area", personRoles);
        VIEWS.put("providers", ALL);
        VIEWS.put("models", ALL);
        VIEWS.put("facilities", ALL);
        VIEWS.put("plans", ALL);
        VIEWS.put("plans/national", ALL);
        VIEWS.put("analytics", ALL);
        VIEWS.put("planning", ALL);

        api("GET /api/v1/admin-units", ALL, "/api/v1/admin-units?province=01");
        api("GET /api/v1/admin-units/{code}/history", ALL, "/api/v1/admin-units/00004/history");
        api("GET /api/v1/me", ALL, "/api/v1/me");
        api("GET /api/v1/persons", personRoles, "/api/v1/persons");
        api("GET /api/v1/persons/placement-reviews", personRoles, "/api/v1/persons/placement-reviews");
        api("GET /api/v1/stats/status-counts", ALL, "/api/v1/stats/status-counts?province=01");
        api("GET /api/v1/facilities", ALL, "/api/v1/facilities?province=01&type=PUBLIC_REHAB");
        api("GET /api/v1/facilities/{id}", ALL, "/api/v1/facilities/{facility}");
        // writes are tried with an empty body: a role allowed gets past the role check to the input's (400), no
        // other gets there (403); nothing is written either way
        Set<Role> facilityManagers = EnumSet.of(Role.ADMIN, Role.PROVINCIAL_POLICE, Role.DISTRICT_OFFICER);
        api("POST /api/v1/facilities", facilityManagers, "/api/v1/facilities");
        api("PUT /api/v1/facilities/{id}", facilityManagers, "/api/v1/facilities/{facility}?version=0");
        api("GET /api/v1/plans", ALL, "/api/v1/plans");
        api("GET /api/v1/plans/{id}/progress", ALL, "/api/v1/plans/{plan}/progress?asOf=2022-06-30");
        api("GET /api/v1/plans/national/progress", ALL, "/api/v1/plans/national/progress?asOf=2023-06-30");
        api("GET /api/v1/analytics/indicators", ALL, "/api/v1/analytics/indicators");
        api("GET /api/v1/tiles/{layer}/{z}/{x}/{y}.mvt", ALL, "/api/v1/tiles/communes/10/813/450.mvt");
        api("GET /api/v1/exports/{dataset}", ALL, "/api/v1/exports/admin-units?province=48&format=csv");
        api("GET /api/v1/analytics/hotspots", ALL, "/api/v1/analytics/hotspots?province=01&level=district&date=2023-06-30");
        api("GET /api/v1/analytics/accessibility", ALL, "/api/v1/analytics/accessibility?province=01&service=rehab&method=nearest");
        api("GET /api/v1/analytics/density", personRoles, "/api/v1/analytics/density?province=01&source=hotspots&cellMeters=500");
        api("GET /api/v1/planning/coverage", ALL, "/api/v1/planning/coverage?province=01&k=1&radiusMeters=1000");
        api("GET /api/v1/planning/scenarios", ALL, "/api/v1/planning/scenarios?province=01");
        api("GET /api/v1/planning/scenarios/{id}", ALL, "/api/v1/planning/scenarios/{scenario}");
        api("POST /api/v1/planning/scenarios", EnumSet.of(Role.ADMIN, Role.CITY_LEADER, Role.PLANNER), "/api/v1/planning/scenarios");
        // a person of commune-00004's area (the commune officer of the matrix): others in a person role get 404
        api("GET /api/v1/persons/{id}", personRoles, "/api/v1/persons/{person}");
        api("POST /api/v1/persons", EnumSet.of(Role.ADMIN, Role.COMMUNE_OFFICER, Role.FACILITY_OFFICER), "/api/v1/persons");
        api("POST /api/v1/persons/{id}/events", EnumSet.of(Role.ADMIN, Role.COMMUNE_OFFICER, Role.FACILITY_OFFICER),
                "/api/v1/persons/{person}/events");
        // ResidencePlacementTest covers which commune officers may confirm which placement
        api("PUT /api/v1/persons/{id}/placement", EnumSet.of(Role.ADMIN, Role.COMMUNE_OFFICER), "/api/v1/persons/{person}/placement");
        // issue 19: what is due under Law 120/2025 in the caller's area (reports after a move, transfers at 18)
        api("GET /api/v1/persons/duties", personRoles, "/api/v1/persons/duties");
        // issue 19: facility operators and mergers; regional courts (an admin's write of a commune that does not
        // exist is refused as input, a removal of a commune the court does not have is a 404: nothing changes)
        api("GET /api/v1/facilities/{id}/history", ALL, "/api/v1/facilities/{facility}/history");
        api("GET /api/v1/courts", ALL, "/api/v1/courts?province=01");
        api("GET /api/v1/courts/for-commune/{communeCode}", ALL, "/api/v1/courts/for-commune/00004");
        api("PUT /api/v1/courts/{code}/communes/{communeCode}", ADMIN_ONLY, "/api/v1/courts/HN-KV5/communes/99999");
        api("DELETE /api/v1/courts/{code}/communes/{communeCode}", ADMIN_ONLY, "/api/v1/courts/HN-KV5/communes/00004");

        // drug-free communes: statuses and protected counts for every role; the commune officer of 00004 proposes
        // and enters evidence there, the provincial police and the admin record every decision (DrugFreeApiTest)
        VIEWS.put("drug-free-communes", ALL);
        api("GET /api/v1/drug-free-communes", ALL, "/api/v1/drug-free-communes?province=01&year=2026");
        api("GET /api/v1/drug-free-communes/{code}/history", ALL, "/api/v1/drug-free-communes/00004/history");
        Set<Role> drugFreeWriters = EnumSet.of(Role.ADMIN, Role.PROVINCIAL_POLICE, Role.COMMUNE_OFFICER);
        api("POST /api/v1/drug-free-communes/{code}/assessments", drugFreeWriters, "/api/v1/drug-free-communes/00004/assessments");
        api("PUT /api/v1/drug-free-communes/{code}/evidence/{criterion}", drugFreeWriters,
                "/api/v1/drug-free-communes/00004/evidence/DRUG_OFFENCES");
    }

    private static void api(String operation, Set<Role> roles, String sample) {
        API.put(operation, roles);
        API_SAMPLES.put(operation, sample);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * Fills sample placeholders with records that exist: {plan} the first plan, {facility} the first
     * facility of the district officer's former district (district-003), {scenario} a saved scenario, {person} someone living in commune-00004's commune.
     */
    private String sample(String template) throws Exception {
        if (template.contains("{scenario}") && jdbc.queryForObject("select count(*) from planning_scenario", Long.class) == 0) {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/planning/scenarios"))
                    .header("Authorization", basic("planner", "demo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"province":"01","name":"Ma trận quyền","k":2,"radiusMeters":2000,"demand":"post_rehab"}"""))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        return template
                .replace("{plan}", String.valueOf(jdbc.queryForObject("select min(id) from plan", Long.class)))
                .replace("{facility}", String.valueOf(jdbc.queryForObject(
                        "select min(id) from facility where district_code = '003'", Long.class)))
                .replace("{scenario}", String.valueOf(jdbc.queryForObject("select coalesce(min(id), 0) from planning_scenario",
                        Long.class)))
                .replace("{person}", String.valueOf(jdbc.queryForObject("""
                        select min(id) from person where merged_into_id is null and current_structure = '2025-07'
                          and current_commune_code = '00004'""", Long.class)));
    }

    @Test
    void everyViewRouteIsInTheMatrix() {
        assertThat(new TreeSet<>(routes().keySet())).isEqualTo(new TreeSet<>(VIEWS.keySet()));
    }

    @Test
    void everyApiOperationIsInTheMatrix() {
        Set<String> operations = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> operations.add(m.name() + " " + path));
                }
            }
        });
        assertThat(operations).isEqualTo(new TreeSet<>(API.keySet()));
    }

    @Test
    void viewsFollowTheMatrix() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        routes().forEach((route, view) -> {
            assertThat(checker.hasAccess(view, null, role -> false))
                    .as("anonymous on '%s'", route).isEqualTo(ANONYMOUS_VIEWS.contains(route));
            for (Role role : Role.values()) {
                Principal principal = () -> USERS.get(role);
                boolean allowed = checker.hasAccess(view, principal, r -> r.equals(role.name()));
                assertThat(allowed).as("%s on view '%s'", role, route).isEqualTo(VIEWS.get(route).contains(role));
            }
        });
    }

    @Test
    void everyApiOperationHasASample() {
        assertThat(API_SAMPLES.entrySet()).isNotEmpty().allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isNotNull());
    }

    @Test
    void apiFollowsTheMatrix() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (var operation : API.entrySet()) {
            String method = operation.getKey().split(" ")[0];
            boolean write = !method.equals("GET");
            String template = API_SAMPLES.get(operation.getKey());
            URI uri = URI.create(baseUrl() + sample(template));
            HttpRequest.BodyPublisher body = write ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri).method(method, body)
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).as("anonymous %s", operation.getKey()).isEqualTo(401);
            for (Role role : Role.values()) {
                for (String user : usersOf(role)) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).method(method, body)
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", basic(user, "demo")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String as = user + " (" + role + ") " + operation.getKey() + ": " + response.body();
                    if (!operation.getValue().contains(role)) {
                        assertThat(response.statusCode()).as(as).isEqualTo(403);
                    } else if (write) {
                        // past the role check: the empty input is refused, the record is not in the caller's area,
                        // or the version sent is not the record's
                        assertThat(response.statusCode()).as(as).isIn(400, 404, 409);
                    } else if (template.contains("{person}")) {
                        assertThat(response.statusCode()).as(as).isIn(200, 404);
                    } else {
                        assertThat(response.statusCode()).as(as).isEqualTo(200);
                    }
                }
            }
        }
    }

    private static java.util.List<String> usersOf(Role role) {
        java.util.List<String> users = new java.util.ArrayList<>(java.util.List.of(USERS.get(role)));
        users.addAll(MORE_USERS.getOrDefault(role, java.util.List.of()));
        return users;
    }

    private static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new LinkedHashMap<>();
        for (var candidate : scanner.findCandidateComponents("vn.socialmap")) {
            try {
                Class<?> view = Class.forName(candidate.getBeanClassName());
                routes.put(view.getAnnotation(Route.class).value(), view);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }
}
