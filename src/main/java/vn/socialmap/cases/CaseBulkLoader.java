package vn.socialmap.cases;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.VietnamTime;
import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminStructures;

/**
 * Loads many people with their paths at once (demo data, imports): every path is checked
 * by the same rules as the forms, then persons and events go in with PostgreSQL COPY, the
 * residences are placed in every structure ({@link ResidencePlacement}) and the status
 * periods written, in one transaction. A path the rules refuse aborts the whole load.
 */
@Service
public class CaseBulkLoader {

    /**
     * One person to load, with their events in any order.
     *
     * @param structure the structure the form's communes are of (where the residence was entered)
     */
    public record PersonSeed(PersonForm form, String provinceCode, String structure, List<EventForm> events,
                             String recordedBy, boolean demo) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final VietnamTime time;
    private final StatusRollup rollup;
    private final ResidencePlacement placement;
    private final AdminStructures structures;

    CaseBulkLoader(DataSource dataSource, JdbcClient jdbc, ObjectMapper json, Clock clock, VietnamTime time,
                   StatusRollup rollup, ResidencePlacement placement, AdminStructures structures) {
        this.rollup = rollup;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.time = time;
        this.placement = placement;
        this.structures = structures;
    }

    @Transactional(readOnly = true)
    public boolean hasDemoPersons(String provinceCode) {
        return jdbc.sql("select exists (select 1 from person where demo and province_code = :p)")
                .param("p", provinceCode).query(Boolean.class).single();
    }

    /**
     * Removes a province's demo people (to load a new edition of the demo data): their events,
     * status periods and placements, and their counts from every rollup. Events are append-only
     * and their day counts are kept by triggers on insert, so the province's other events are
     * written again after the removal and the triggers count them anew.
     */
    @Transactional
    public int removeDemo(String provinceCode) {
        Long[] ids = jdbc.sql("select id from person where province_code = :p and demo").param("p", provinceCode)
                .query(Long.class).list().toArray(Long[]::new);
        if (ids.length == 0) {
            return 0;
        }
        LocalDate horizon = rollup.lockHorizon();
        rollup.apply(horizon, "delete from person_status_period where person_id = any(cast(:ids as bigint[])) returning "
                + StatusRollup.COLUMNS, Map.of("ids", ids), -1);
        jdbc.sql("delete from person_placement where person_id = any(cast(:ids as bigint[]))").param("ids", ids).update();
        jdbc.sql("""
                create temporary table kept_events on commit drop as
                select * from case_event where province_code = :p and person_id <> all(cast(:ids as bigint[]))""")
                .param("p", provinceCode).param("ids", ids).update();
        jdbc.sql("alter table case_event disable trigger user").update();
        jdbc.sql("delete from case_event where province_code = :p").param("p", provinceCode).update();
        jdbc.sql("alter table case_event enable trigger user").update();
        for (String rollupTable : List.of("event_count_day", "person_service_year", "service_first_day")) {
            jdbc.sql("delete from " + rollupTable + " where province_code = :p").param("p", provinceCode).update();
        }
        jdbc.sql("insert into case_event select * from kept_events order by id").update();
        jdbc.sql("update person set merged_into_id = null where merged_into_id = any(cast(:ids as bigint[])) and not demo")
                .param("ids", ids).update();
        jdbc.sql("delete from person where id = any(cast(:ids as bigint[]))").param("ids", ids).update();
        return ids.length;
    }

    /** Returns the new people's ids in the order of the seeds; record keys from a secure source (imports). */
    @Transactional
    public List<Long> load(List<PersonSeed> seeds) {
        return load(seeds, new java.security.SecureRandom());
    }

    /**
     * As {@link #load(List)}, with the record keys (V15) drawn from {@code keys}: the demo's are
     * seeded, so that the same demo data is published alike everywhere.
     */
    @Transactional
    public List<Long> load(List<PersonSeed> seeds, java.util.random.RandomGenerator keys) {
        LocalDate today = time.today();
        List<Long> personIds = ids("person_id_seq", seeds.size());
        int eventCount = seeds.stream().mapToInt(s -> s.events().size()).sum();
        List<Long> eventIds = ids("case_event_id_seq", eventCount);
        StringBuilder persons = new StringBuilder();
        StringBuilder events = new StringBuilder();
        String now = clock.instant().toString();
        List<List<PathRules.Period>> paths = new ArrayList<>(seeds.size());
        List<ResidencePlacement.Residence> residences = new ArrayList<>(seeds.size());
        Map<Long, Integer> recordKeys = new java.util.HashMap<>();
        int e = 0;
        for (int i = 0; i < seeds.size(); i++) {
            PersonSeed seed = seeds.get(i);
            long personId = personIds.get(i);
            PersonForm f = seed.form();
            List<PathRules.Event> ruleEvents = new ArrayList<>();
            for (EventForm event : seed.events()) {
                long eventId = eventIds.get(e++);
                ruleEvents.add(new PathRules.Event(eventId, event.type(), event.date(), event.facilityCode(), event.details(), null));
                row(events, eventId, seed.provinceCode(), personId, event.type().name(), event.date(), event.facilityCode(),
                        json.writeValueAsString(event.details() == null ? Map.of() : event.details()), null,
                        seed.recordedBy(), now, seed.demo(), keys.nextInt(Integer.MAX_VALUE));
            }
            try {
                paths.add(PathRules.replay(f.birthDate(), today, ruleEvents));
            } catch (PathRules.Violation v) {
                throw new IllegalStateException("Path of seed " + i + " (" + f.fullName() + ") breaks rule "
                        + v.rule() + " at " + v.event(), v);
            }
            String point = f.longitude() == null ? null : "SRID=4326;POINT(" + f.longitude() + " " + f.latitude() + ")";
            // the record key of the cell-key method (V15): random, for life; the person's periods carry it too
            int recordKey = keys.nextInt(Integer.MAX_VALUE);
            recordKeys.put(personId, recordKey);
            row(persons, personId, seed.provinceCode(), f.fullName(), VietnameseText.fold(f.fullName()), f.birthDate(),
                    f.sex().name(), f.nationalId(), seed.structure(), f.permanentCommuneCode(), f.permanentAddress(),
                    seed.structure(), f.currentCommuneCode(), f.currentAddress(), point, f.occupation(), f.notes(), seed.demo(),
                    seed.recordedBy(), now, now, recordKey);
            residences.add(new ResidencePlacement.Residence(personId, seed.provinceCode(),
                    List.of(new ResidencePlacement.Anchor(seed.structure(), f.currentCommuneCode(), PlacementMethod.RECORDED)),
                    f.longitude() == null ? null : new double[] {f.longitude(), f.latitude()}, f.currentAddress()));
        }
        LocalDate horizon = rollup.lockHorizon();
        copy("""
                copy person (id, province_code, full_name, name_folded, birth_date, sex, national_id, permanent_structure,
                             permanent_commune_code, permanent_address, current_structure, current_commune_code,
                             current_address, current_point, occupation, notes, demo, created_by, created_at, updated_at,
                             record_key)
                from stdin with (format csv)""", persons);
        copy("""
                copy case_event (id, province_code, person_id, type, event_date, facility_code, details, supersedes_id,
                                 recorded_by, recorded_at, demo, record_key)
                from stdin with (format csv)""", events);
        Map<Long, Map<String, Placement>> placed = placement.place(residences);
        placement.writeCurrent(placed);
        StringBuilder periods = new StringBuilder();
        var all = structures.all();
        for (int i = 0; i < seeds.size(); i++) {
            long personId = personIds.get(i);
            for (PlacedPeriods.Piece p : PlacedPeriods.place(paths.get(i), all, placed.getOrDefault(personId, Map.of()))) {
                row(periods, personId, seeds.get(i).provinceCode(), p.structure(), p.districtCode(), p.communeCode(),
                        p.currentCommuneCode(), p.status().name(), p.facilityCode(), p.from(), p.to(), recordKeys.get(personId));
            }
        }
        copy("""
                copy person_status_period (person_id, province_code, structure, district_code, commune_code,
                                           current_commune_code, status, facility_code, valid_from, valid_to, record_key)
                from stdin with (format csv)""", periods);
        rollup.apply(horizon, "select " + StatusRollup.COLUMNS + " from person_status_period where person_id = any(:ids)",
                Map.of("ids", personIds.toArray(Long[]::new)), 1);
        return personIds;
    }

    private void copy(String statement, StringBuilder rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, new StringReader(rows.toString()));
        } catch (SQLException ex) {
            throw new IllegalStateException("Bulk load failed", ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private List<Long> ids(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval('" + sequence + "') from generate_series(1, :n)").param("n", count)
                .query(Long.class).list();
    }

    /** One CSV line for COPY: null is an empty unquoted field, text is always quoted. */
    private static void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = fields[i];
            if (v == null) {
                continue;
            }
            String text = v.toString();
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        out.append('\n');
    }
}
