package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.CurrentUser;

/**
 * What a district or commune officer looks at first: people per status in their area,
 * recent events, and people due for attention (post-rehab management ending, Methadone
 * stopped, absconded). Scoped to the caller's area, audited.
 */
@Service
@Transactional
public class AreaOverview {

    static final int RECENT_DAYS = 30;
    static final int ENDING_DAYS = 60;
    static final int STOPPED_DAYS = 90;
    private static final int LIMIT = 100;

    private final JdbcClient jdbc;
    private final PersonSearch search;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    AreaOverview(JdbcClient jdbc, PersonSearch search, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.search = search;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A person with the event or date that puts them on a list. */
    public record Entry(long personId, String fullName, String communeCode, LocalDate date, String what) {
    }

    /**
     * @param postRehabOverdue people whose post-rehab management was planned to end before the date
     *                         and is not recorded as ended
     * @param postRehabEnding  people whose management is planned to end within {@link #ENDING_DAYS} days
     */
    public record Overview(LocalDate asOf, Map<PathStatus, Long> counts, List<Entry> recentEvents,
                           List<Entry> postRehabOverdue, List<Entry> postRehabEnding, List<Entry> methadoneStopped,
                           List<Entry> absconded) {
    }

    public Overview of(LocalDate asOf) {
        return of(asOf, null);
    }

    /** The caller's area, or one commune of it. */
    public Overview of(LocalDate asOf, String communeCode) {
        AccessScope scope = currentUser.scope();
        if (!scope.seesPersons()) {
            throw new AccessDeniedException("No person access");
        }
        PersonSearch.Query scoped = search.scope(scope, asOf);
        Map<String, Object> params = new java.util.HashMap<>(scoped.params());
        params.put("on", Date.valueOf(asOf));
        String inScope = "p.merged_into_id is null and (" + scoped.where() + ")";
        if (communeCode != null) {
            inScope += " and p.current_commune_code = :onlyCommune";
            params.put("onlyCommune", communeCode);
        }

        Map<PathStatus, Long> counts = new EnumMap<>(PathStatus.class);
        jdbc.sql("select s.status, count(distinct s.person_id) as n from person_status_period s join person p on p.id = s.person_id "
                        + "where status_held(s.valid_from, s.valid_to, :on) and " + inScope + " group by s.status")
                .params(params).query(rs -> {
                    counts.put(PathStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });

        params.put("recentFrom", Date.valueOf(asOf.minusDays(RECENT_DAYS)));
        List<Entry> recent = jdbc.sql("select p.id, p.full_name, p.current_commune_code, e.event_date, e.type "
                        + "from case_event e join person p on p.id = e.person_id "
                        + "where e.event_date > :recentFrom and e.event_date <= :on and " + inScope
                        + " order by e.event_date desc, e.id desc limit " + LIMIT)
                .params(params).query((rs, n) -> entry(rs, "type")).list();

        params.put("endingBy", Date.valueOf(asOf.plusDays(ENDING_DAYS)));
        // the management's start is the start of the person's post-rehab status (its period may be cut where the
        // administrative structure changed: the earliest piece of the unbroken status is the start)
        String planned = """
                select p.id, p.full_name, p.current_commune_code, (e.details ->> 'plannedEnd')::date as event_date,
                       'POST_REHAB_END' as type
                from person p
                join person_status_period s on s.person_id = p.id and s.status = 'POST_REHAB'
                     and status_held(s.valid_from, s.valid_to, :on)
                join lateral (select max(x.event_date) as started from effective_case_event x
                              where x.person_id = p.id and x.type = 'POST_REHAB_START' and x.event_date <= :on) st on true
                join effective_case_event e on e.person_id = p.id and e.type = 'POST_REHAB_START' and e.event_date = st.started
                where %s and\s""";
        List<Entry> overdue = jdbc.sql(planned.formatted("(e.details ->> 'plannedEnd')::date < :on") + inScope
                        + " order by event_date limit " + LIMIT)
                .params(params).query((rs, n) -> entry(rs, "type")).list();
        List<Entry> ending = jdbc.sql(planned.formatted("(e.details ->> 'plannedEnd')::date between :on and :endingBy") + inScope
                        + " order by event_date limit " + LIMIT)
                .params(params).query((rs, n) -> entry(rs, "type")).list();

        params.put("stoppedFrom", Date.valueOf(asOf.minusDays(STOPPED_DAYS)));
        List<Entry> stopped = jdbc.sql("select p.id, p.full_name, p.current_commune_code, e.event_date, e.type "
                        + "from effective_case_event e join person p on p.id = e.person_id where e.type = 'METHADONE_STOP' "
                        + "and e.event_date > :stoppedFrom and e.event_date <= :on and " + inScope
                        + " order by e.event_date desc limit " + LIMIT)
                .params(params).query((rs, n) -> entry(rs, "type")).list();

        List<Entry> absconded = jdbc.sql("select p.id, p.full_name, p.current_commune_code, s.valid_from as event_date, "
                        + "'ABSCONDING' as type from person_status_period s join person p on p.id = s.person_id "
                        + "where s.status = 'ABSCONDED' and status_held(s.valid_from, s.valid_to, :on) and "
                        + inScope + " order by s.valid_from limit " + LIMIT)
                .params(params).query((rs, n) -> entry(rs, "type")).list();

        List<Long> shown = java.util.stream.Stream.of(recent, overdue, ending, stopped, absconded).flatMap(List::stream)
                .map(Entry::personId).distinct().toList();
        audit.record(AuditAction.VIEW, PersonService.RECORD_TYPE, shown, null,
                vn.socialmap.audit.AuditDetails.of("list", "area", "date", asOf, "commune", communeCode));
        return new Overview(asOf, counts, recent, overdue, ending, stopped, absconded);
    }

    private static Entry entry(java.sql.ResultSet rs, String whatColumn) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("full_name"), rs.getString("current_commune_code"),
                rs.getDate("event_date").toLocalDate(), rs.getString(whatColumn));
    }
}
