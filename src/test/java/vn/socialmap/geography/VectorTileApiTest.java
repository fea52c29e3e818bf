package vn.socialmap.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.socialmap.IntegrationTest;

/** Vector tiles decode, hold the units the tile covers, carry suppressed values and cache. */
class VectorTileApiTest extends IntegrationTest {

    /** z 10 tile over central Hanoi (Hoàn Kiếm, Ba Đình and around). */
    static final String CENTRE = "/10/813/450.mvt";

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String user, String path, String etag) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic(user, "demo"));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aCommuneTileHoldsTheCommunesItCovers() throws Exception {
        HttpResponse<byte[]> r = get("leader", "/api/v1/tiles/communes" + CENTRE, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600").contains("private");
        List<MvtDecoder.Layer> layers = MvtDecoder.decode(r.body());
        assertThat(layers).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("communes");
            assertThat(l.extent()).isEqualTo(4096);
        });
        List<MvtDecoder.Feature> features = layers.getFirst().features();
        // every feature is a polygon (type 3) of a commune of today meeting the tile's envelope
        assertThat(features).isNotEmpty().hasSize((int) communesMeetingTheTile("2025-07", java.time.LocalDate.now().toString())).allSatisfy(f -> {
            assertThat(f.type()).isEqualTo(3);
            assertThat(f.properties().get("structure")).isEqualTo("2025-07");
        });
        assertThat(features.stream().map(f -> f.properties().get("code"))).contains("00004", "00097");
        assertThat(features.stream().map(f -> f.properties().get("name")).toList()).contains("Phường Ba Đình", "Phường Hồng Hà")
                .doesNotContain("Phường Phúc Xá", "Phường Trúc Bạch");
    }

    @Test
    void onAnEarlierDateTheTileHoldsThatDatesCommunes() throws Exception {
        List<MvtDecoder.Feature> features = MvtDecoder.decode(get("leader", "/api/v1/tiles/communes" + CENTRE
                + "?unitsAsOf=2022-06-30", null).body()).getFirst().features();
        assertThat(features).hasSize((int) communesMeetingTheTile("2022", "2022-06-30"));
        // the same code, another commune: 00004 was Phường Trúc Bạch
        assertThat(features).filteredOn(f -> "00004".equals(f.properties().get("code"))).singleElement()
                .satisfies(f -> assertThat(f.properties().get("name")).isEqualTo("Phường Trúc Bạch"));
        assertThat(features.stream().map(f -> f.properties().get("name")).toList()).contains("Phường Phúc Xá");
    }

    private long communesMeetingTheTile(String structure, String day) {
        return jdbc.sql("""
                select count(*) from admin_unit where level = 'COMMUNE' and structure = :s
                and (valid_from is null or valid_from <= cast(:d as date)) and (valid_to is null or valid_to > cast(:d as date))
                and ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(10, 813, 450))""")
                .param("s", structure).param("d", day).query(Long.class).single();
    }

    @Test
    void unchangedTilesAnswer304() throws Exception {
        HttpResponse<byte[]> first = get("leader", "/api/v1/tiles/districts" + CENTRE + "?unitsAsOf=2025-06-30", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("leader", "/api/v1/tiles/districts" + CENTRE + "?unitsAsOf=2025-06-30", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(MvtDecoder.decode(first.body()).getFirst().name()).isEqualTo("districts");
    }

    @Test
    void aggregatesArePerturbedOutsideTheCallersArea() throws Exception {
        String path = "/api/v1/tiles/communes" + CENTRE + "?theme=status&variant=POST_REHAB&date=2023-06-30";
        Map<Object, Object> exact = values(get("admin", path, null).body());
        Map<Object, Object> officer = values(get("district-001", path, null).body());
        Map<Object, Object> leader = values(get("leader", path, null).body());
        assertThat(exact.values()).anyMatch(v -> ((Long) v) > 0 && ((Long) v) < 5);
        // a small count (1 to 4) is published as 2 or 3, whichever it is; no other count below 5 but 0
        assertThat(leader.values()).isNotEmpty().allMatch(v -> ((Long) v) != 1 && ((Long) v) != 4);
        assertThat(leader.keySet()).isEqualTo(exact.keySet());
        assertThat(leader).isNotEqualTo(exact);
        // the officer's own district exact, the others as the leader gets them
        assertThat(officer).isNotEqualTo(leader).isNotEqualTo(exact);
        assertThat(values(get("leader", path, null).body())).isEqualTo(leader);
        assertThat(get("leader", path, null).headers().firstValue("Cache-Control").orElse("")).contains("max-age=300");
    }

    @Test
    void badTileAddressesAreRefused() throws Exception {
        for (String path : List.of("/api/v1/tiles/provinces/10/813/450.mvt", "/api/v1/tiles/communes/3/9/1.mvt",
                "/api/v1/tiles/communes/23/0/0.mvt", "/api/v1/tiles/communes/10/813/450.mvt?theme=weather&variant=RAIN")) {
            assertThat(get("leader", path, null).statusCode()).as(path).isEqualTo(400);
        }
    }

    private static Map<Object, Object> values(byte[] tile) {
        return MvtDecoder.decode(tile).getFirst().features().stream().filter(f -> f.properties().containsKey("value"))
                .collect(Collectors.toMap(f -> f.properties().get("code"), f -> f.properties().get("value")));
    }
}
