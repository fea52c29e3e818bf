package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.socialmap.geography.AdminStructures;

/**
 * Writes a person's status periods (derived by {@link PathRules}, placed by
 * {@link PlacedPeriods}) to {@code person_status_period}, replacing the old ones, and their
 * monthly counts ({@link StatusRollup}), in the caller's transaction.
 */
@Component
class StatusProjection {

    private final JdbcClient jdbc;
    private final StatusRollup rollup;
    private final ResidencePlacement placement;
    private final AdminStructures structures;

    StatusProjection(JdbcClient jdbc, StatusRollup rollup, ResidencePlacement placement, AdminStructures structures) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.placement = placement;
        this.structures = structures;
    }

    void replace(Person person, List<PathRules.Period> periods) {
        LocalDate horizon = rollup.lockHorizon();
        removePeriods(horizon, person.getId());
        for (PlacedPeriods.Piece p : PlacedPeriods.place(periods, structures.all(), placement.placements(person.getId()))) {
            jdbc.sql("""
                    insert into person_status_period (person_id, province_code, structure, district_code, commune_code,
                                                      current_commune_code, status, facility_code, valid_from, valid_to,
                                                      record_key)
                    select :person, :province, :structure, :district, :commune, :today, :status, :facility, :from, :to,
                           record_key from person where id = :person""")
                    .param("person", person.getId()).param("province", person.getProvinceCode())
                    .param("structure", p.structure()).param("district", p.districtCode()).param("commune", p.communeCode())
                    .param("today", p.currentCommuneCode())
                    .param("status", p.status().name()).param("facility", p.facilityCode())
                    .param("from", Date.valueOf(p.from())).param("to", p.to() == null ? null : Date.valueOf(p.to()))
                    .update();
        }
        rollup.apply(horizon, "select " + StatusRollup.COLUMNS + " from person_status_period where person_id = :id",
                Map.of("id", person.getId()), 1);
    }

    /**
     * Places the stored periods of many people again (after their placements changed): each
     * period is cut at the structures' changes and put in the person's unit there; periods
     * already cut stay as they are but for their units.
     */
    void replace(java.util.Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        LocalDate horizon = rollup.lockHorizon();
        Long[] ids = personIds.toArray(Long[]::new);
        Map<Long, java.util.List<PathRules.Period>> periods = new java.util.HashMap<>();
        Map<Long, String> provinces = new java.util.HashMap<>();
        jdbc.sql("select person_id, province_code, status, facility_code, valid_from, valid_to from person_status_period"
                        + " where person_id = any(cast(:ids as bigint[]))").param("ids", ids)
                .query(rs -> {
                    long id = rs.getLong("person_id");
                    provinces.put(id, rs.getString("province_code"));
                    periods.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(new PathRules.Period(
                            PathStatus.valueOf(rs.getString("status")), rs.getString("facility_code"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
                });
        rollup.apply(horizon, "delete from person_status_period where person_id = any(cast(:ids as bigint[])) returning "
                + StatusRollup.COLUMNS, Map.of("ids", ids), -1);
        var placed = placement.placements(personIds);
        var all = structures.all();
        java.util.List<Object[]> rows = new java.util.ArrayList<>();
        periods.forEach((id, list) -> {
            for (PlacedPeriods.Piece p : PlacedPeriods.place(list, all, placed.getOrDefault(id, Map.of()))) {
                rows.add(new Object[] {id, provinces.get(id), p.structure(), p.districtCode(), p.communeCode(), p.status().name(),
                        p.facilityCode(), p.from().toString(), p.to() == null ? null : p.to().toString(), p.currentCommuneCode()});
            }
        });
        for (int from = 0; from < rows.size(); from += SqlArrays.BATCH) {
            java.util.List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + SqlArrays.BATCH));
            jdbc.sql("""
                    insert into person_status_period (person_id, province_code, structure, district_code, commune_code, status,
                                                      facility_code, valid_from, valid_to, current_commune_code, record_key)
                    select u.*, p.record_key
                    from unnest(cast(:i as bigint[]), cast(:p as varchar[]), cast(:s as varchar[]), cast(:d as varchar[]),
                                cast(:c as varchar[]), cast(:st as varchar[]), cast(:f as varchar[]),
                                cast(:vf as date[]), cast(:vt as date[]), cast(:today as varchar[])) as u
                    join person p on p.id = u.unnest""")
                    .param("i", SqlArrays.column(batch, 0, Long.class)).param("p", SqlArrays.column(batch, 1, String.class))
                    .param("s", SqlArrays.column(batch, 2, String.class)).param("d", SqlArrays.column(batch, 3, String.class))
                    .param("c", SqlArrays.column(batch, 4, String.class)).param("st", SqlArrays.column(batch, 5, String.class))
                    .param("f", SqlArrays.column(batch, 6, String.class)).param("vf", SqlArrays.column(batch, 7, String.class))
                    .param("vt", SqlArrays.column(batch, 8, String.class)).param("today", SqlArrays.column(batch, 9, String.class))
                    .update();
        }
        rollup.apply(horizon, "select " + StatusRollup.COLUMNS + " from person_status_period where person_id = any(cast(:ids as bigint[]))",
                Map.of("ids", ids), 1);
    }

    void remove(long personId) {
        removePeriods(rollup.lockHorizon(), personId);
    }

    private void removePeriods(LocalDate horizon, long personId) {
        rollup.apply(horizon, "delete from person_status_period where person_id = :id returning " + StatusRollup.COLUMNS,
                Map.of("id", personId), -1);
    }

}
