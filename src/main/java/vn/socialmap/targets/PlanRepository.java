package vn.socialmap.targets;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.geography.AdminStructures;
import vn.socialmap.targets.PlanModel.Definition;
import vn.socialmap.targets.PlanModel.Indicator;
import vn.socialmap.targets.PlanModel.Plan;
import vn.socialmap.targets.PlanModel.Target;

@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final AdminStructures structures;

    PlanRepository(JdbcClient jdbc, ObjectMapper json, AdminStructures structures) {
        this.jdbc = jdbc;
        this.json = json;
        this.structures = structures;
    }

    /** Grows with every target imported: a key for caches of progress. */
    long targetsVersion() {
        return jdbc.sql("select coalesce(max(id), 0) from plan_target").query(Long.class).single();
    }

    /** A plan's targets name the units in force when its period begins. */
    long insertPlan(String province, String number, String issuer, java.time.LocalDate issuedOn, String title,
                    java.time.LocalDate from, java.time.LocalDate to) {
        return jdbc.sql("""
                insert into plan (province_code, number, issuer, issued_on, title, period_from, period_to, unit_structure)
                values (:p, :n, :i, :d, :t, :f, :to, :s) returning id""").param("s", structures.on(from).code())
                .param("p", province).param("n", number).param("i", issuer).param("d", Date.valueOf(issuedOn))
                .param("t", title).param("f", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }

    long insertIndicator(String province, long planId, String code, String name, PlanModel.Unit unit, Definition definition,
                         int position) {
        return jdbc.sql("""
                insert into plan_indicator (province_code, plan_id, code, name, unit, definition, position)
                values (:p, :plan, :c, :n, :u, cast(:d as jsonb), :pos) returning id""")
                .param("p", province).param("plan", planId).param("c", code).param("n", name).param("u", unit.name())
                .param("d", json.writeValueAsString(definition)).param("pos", position)
                .query(Long.class).single();
    }

    void insertTarget(String province, long indicatorId, PlanModel.Level level, String unitCode, double value) {
        jdbc.sql("""
                insert into plan_target (province_code, indicator_id, level, unit_code, value)
                values (:p, :i, :l, :u, :v)""")
                .param("p", province).param("i", indicatorId).param("l", level.name()).param("u", unitCode).param("v", value)
                .update();
    }

    boolean exists(String province, String number) {
        return jdbc.sql("select count(*) > 0 from plan where province_code = :p and number = :n")
                .param("p", province).param("n", number).query(Boolean.class).single();
    }

    List<Plan> plans() {
        return jdbc.sql("select * from plan order by province_code, issued_on, id").query((rs, n) -> plan(rs)).list();
    }

    Optional<Plan> plan(long id) {
        return jdbc.sql("select * from plan where id = :id").param("id", id).query((rs, n) -> plan(rs)).optional();
    }

    List<Indicator> indicators(long planId) {
        return indicators(List.of(planId));
    }

    /** The indicators of several plans in one query (the national report reads every plan in force). */
    List<Indicator> indicators(java.util.Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from plan_indicator where plan_id in (:ids) order by plan_id, position").param("ids", planIds)
                .query((rs, n) -> new Indicator(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("code"),
                        rs.getString("name"), PlanModel.Unit.valueOf(rs.getString("unit")),
                        json.readValue(rs.getString("definition"), Definition.class), rs.getInt("position")))
                .list();
    }

    /**
     * The indicators that some plan sets district targets for: code → name, in the order the plans
     * and their indicators come, each named as the newest of those plans names it.
     */
    java.util.Map<String, String> indicatorsWithDistrictTargets() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select i.code, i.name from plan_indicator i join plan p on p.id = i.plan_id
                where exists (select 1 from plan_target t where t.indicator_id = i.id and t.level = 'DISTRICT')
                order by p.issued_on, p.id, i.position""")
                .query(rs -> {
                    names.put(rs.getString("code"), rs.getString("name"));
                });
        return names;
    }

    /** The city targets of several plans in one query. */
    List<Target> cityTargets(java.util.Collection<Long> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select t.* from plan_target t join plan_indicator i on i.id = t.indicator_id
                where i.plan_id in (:ids) and t.level = 'CITY' order by t.unit_code""").param("ids", planIds)
                .query((rs, n) -> new Target(rs.getLong("indicator_id"), PlanModel.Level.CITY, rs.getString("unit_code"),
                        rs.getDouble("value")))
                .list();
    }

    List<Target> targets(long planId) {
        return jdbc.sql("""
                select t.* from plan_target t join plan_indicator i on i.id = t.indicator_id
                where i.plan_id = :id order by t.level, t.unit_code""").param("id", planId)
                .query((rs, n) -> new Target(rs.getLong("indicator_id"), PlanModel.Level.valueOf(rs.getString("level")),
                        rs.getString("unit_code"), rs.getDouble("value")))
                .list();
    }

    private static Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Plan(rs.getLong("id"), rs.getString("province_code"), rs.getString("number"), rs.getString("issuer"),
                rs.getDate("issued_on").toLocalDate(), rs.getString("title"), rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to").toLocalDate(), rs.getString("unit_structure"));
    }
}
