package vn.socialmap.facilities;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;
import vn.socialmap.geography.UnitRef;

/**
 * On start, moves the facilities registered in the communes of an earlier structure into
 * today's: the commune holding each location, and the former district holding it.
 */
@Component
@Order(5)
class OutdatedFacilities implements ApplicationListener<GeographyReady> {

    private static final Logger log = LoggerFactory.getLogger(OutdatedFacilities.class);

    private final JdbcClient jdbc;
    private final AdminStructures structures;
    private final AdminUnitService units;
    private final TransactionTemplate transaction;

    OutdatedFacilities(JdbcClient jdbc, AdminStructures structures, AdminUnitService units, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.units = units;
        this.transaction = transaction;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        String today = structures.current().code();
        Map<String, Map<Long, double[]>> byProvince = new HashMap<>();
        jdbc.sql("select id, province_code, ST_X(location) as x, ST_Y(location) as y from facility where unit_structure <> :t")
                .param("t", today)
                .query(rs -> {
                    byProvince.computeIfAbsent(rs.getString("province_code"), k -> new HashMap<>())
                            .put(rs.getLong("id"), new double[] {rs.getDouble("x"), rs.getDouble("y")});
                });
        if (byProvince.isEmpty()) {
            return;
        }
        String former = structures.lastWithDistricts().map(s -> s.code()).orElse(null);
        int[] moved = {0};
        transaction.executeWithoutResult(status -> byProvince.forEach((province, points) -> {
            Map<Long, String> communes = units.communesAt(today, province, points);
            Map<Long, String> oldCommunes = former == null ? Map.of() : units.communesAt(former, province, points);
            communes.forEach((id, commune) -> {
                String district = oldCommunes.get(id) == null ? null : units.find(new UnitRef(former, oldCommunes.get(id)))
                        .map(c -> c.getParentCode()).orElse(null);
                moved[0] += jdbc.sql("""
                        update facility set commune_code = :c, district_code = :d, unit_structure = :s where id = :id""")
                        .param("c", commune).param("d", district).param("s", today).param("id", id).update();
            });
            List<Long> lost = points.keySet().stream().filter(id -> !communes.containsKey(id)).sorted().toList();
            if (!lost.isEmpty()) {
                log.warn("Facilities {} of province {} lie in no commune of today: left in their earlier commune", lost, province);
            }
        }));
        log.info("Moved {} facilities into the communes of {}", moved[0], today);
    }
}
