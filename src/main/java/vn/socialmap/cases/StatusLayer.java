package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.ThematicLayer;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.CurrentUser;

/** The map layer of people per status: counts per unit (suppressed where needed) and residence points. */
@Component
class StatusLayer implements ThematicLayer {

    private final StatusCounts counts;
    private final CurrentUser currentUser;
    private final PersonSearch search;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    StatusLayer(StatusCounts counts, CurrentUser currentUser, PersonSearch search, JdbcClient jdbc, AuditLog audit) {
        this.counts = counts;
        this.currentUser = currentUser;
        this.search = search;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public String id() {
        return "status";
    }

    @Override
    public String labelKey() {
        return "map.layer.status";
    }

    @Override
    public List<String> variants() {
        return Arrays.stream(PathStatus.values()).map(Enum::name).toList();
    }

    @Override
    public String variantLabelKey(String variant) {
        return "status." + variant;
    }

    @Override
    public Values values(String variant, String provinceCode, AdminLevel level, LocalDate date, LocalDate unitsAsOf) {
        PathStatus status = PathStatus.valueOf(variant);
        StatusCounts.Table table = counts.count(provinceCode, level, date, unitsAsOf, currentUser.scope());
        Map<String, Long> byUnit = new HashMap<>();
        table.units().stream().filter(u -> u.code() != null).forEach(u -> byUnit.put(u.code(), u.counts().get(status)));
        return new Values(byUnit, table.suppressed(), table.threshold());
    }

    @Override
    public boolean pointsAvailable() {
        return currentUser.scope().seesPersons();
    }

    /** Residence points of people in the caller's area holding the status; audited as a view of those people. */
    @Override
    @Transactional
    public List<double[]> points(String variant, String provinceCode, LocalDate date) {
        AccessScope scope = currentUser.scope();
        if (!scope.seesPersons()) {
            return List.of();
        }
        PersonSearch.Query scoped = search.scope(scope, date);
        List<Object[]> rows = jdbc.sql("""
                select p.id, ST_X(p.current_point) as x, ST_Y(p.current_point) as y from person p
                where p.merged_into_id is null and p.current_point is not null and p.province_code = :province
                  and exists (select 1 from person_status_period s where s.person_id = p.id and s.status = :status
                              and status_held(s.valid_from, s.valid_to, :on))
                  and (""" + scoped.where() + ")")
                .params(scoped.params()).param("province", provinceCode).param("status", variant)
                .param("on", Date.valueOf(date))
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getDouble("x"), rs.getDouble("y")}).list();
        if (!rows.isEmpty()) {
            audit.record(AuditAction.VIEW, PersonService.RECORD_TYPE, rows.stream().map(r -> r[0]).toList(), null,
                    "residence points on the map: " + variant + " " + date);
        }
        return rows.stream().map(r -> new double[] {(double) r[1], (double) r[2]}).toList();
    }
}
