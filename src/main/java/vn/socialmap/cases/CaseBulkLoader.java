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

import vn.socialmap.base.text.VietnameseText;

/**
 * Loads many people with their paths at once (demo data, imports): every path is checked
 * by the same rules as the forms, then persons, events and status periods go in with
 * PostgreSQL COPY in one transaction. A path the rules refuse aborts the whole load.
 */
@Service
public class CaseBulkLoader {

    /** One person to load, with their events in any order. */
    public record PersonSeed(PersonForm form, String provinceCode, String districtCode, List<EventForm> events,
                             String recordedBy, boolean demo) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final StatusRollup rollup;

    CaseBulkLoader(DataSource dataSource, JdbcClient jdbc, ObjectMapper json, Clock clock, StatusRollup rollup) {
        this.rollup = rollup;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean hasDemoPersons(String provinceCode) {
        return jdbc.sql("select exists (select 1 from person where demo and province_code = :p)")
                .param("p", provinceCode).query(Boolean.class).single();
    }

    /** Returns the new people's ids in the order of the seeds. */
    @Transactional
    public List<Long> load(List<PersonSeed> seeds) {
        LocalDate today = LocalDate.now(clock.withZone(PersonService.VIETNAM));
        List<Long> personIds = ids("person_id_seq", seeds.size());
        int eventCount = seeds.stream().mapToInt(s -> s.events().size()).sum();
        List<Long> eventIds = ids("case_event_id_seq", eventCount);
        StringBuilder persons = new StringBuilder();
        StringBuilder events = new StringBuilder();
        StringBuilder periods = new StringBuilder();
        String now = clock.instant().toString();
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
                        seed.recordedBy(), now, seed.demo());
            }
            List<PathRules.Period> replayed;
            try {
                replayed = PathRules.replay(f.birthDate(), today, ruleEvents);
            } catch (PathRules.Violation v) {
                throw new IllegalStateException("Path of seed " + i + " (" + f.fullName() + ") breaks rule "
                        + v.rule() + " at " + v.event(), v);
            }
            String point = f.longitude() == null ? null : "SRID=4326;POINT(" + f.longitude() + " " + f.latitude() + ")";
            row(persons, personId, seed.provinceCode(), f.fullName(), VietnameseText.fold(f.fullName()), f.birthDate(),
                    f.sex().name(), f.nationalId(), f.permanentCommuneCode(), f.permanentAddress(), f.currentCommuneCode(),
                    seed.districtCode(), f.currentAddress(), point, f.occupation(), f.notes(), seed.demo(), seed.recordedBy(),
                    now, now);
            for (PathRules.Period p : replayed) {
                row(periods, personId, seed.provinceCode(), seed.districtCode(), f.currentCommuneCode(), p.status().name(),
                        p.facilityCode(), p.from(), p.to());
            }
        }
        LocalDate horizon = rollup.lockHorizon();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("""
                    copy person (id, province_code, full_name, name_folded, birth_date, sex, national_id,
                                 permanent_commune_code, permanent_address, current_commune_code, current_district_code,
                                 current_address, current_point, occupation, notes, demo, created_by, created_at, updated_at)
                    from stdin with (format csv)""", new StringReader(persons.toString()));
            copy.copyIn("""
                    copy case_event (id, province_code, person_id, type, event_date, facility_code, details, supersedes_id,
                                     recorded_by, recorded_at, demo)
                    from stdin with (format csv)""", new StringReader(events.toString()));
            copy.copyIn("""
                    copy person_status_period (person_id, province_code, district_code, commune_code, status, facility_code,
                                               valid_from, valid_to)
                    from stdin with (format csv)""", new StringReader(periods.toString()));
            rollup.apply(horizon, """
                    select province_code, district_code, commune_code, status, valid_from, valid_to
                    from person_status_period where person_id = any(:ids)""", Map.of("ids", personIds.toArray(Long[]::new)), 1);
        } catch (SQLException ex) {
            throw new IllegalStateException("Bulk load failed", ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return personIds;
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
