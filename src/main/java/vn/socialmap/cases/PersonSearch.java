package vn.socialmap.cases;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.security.AccessScope;
import vn.socialmap.security.AreaType;

/**
 * The person list as SQL, filtered by the caller's scope first: a query can never return
 * a person outside the area, whatever its filters say.
 */
@Component
class PersonSearch {

    static final List<String> FACILITY_STATUSES = List.of("IN_COMPULSORY", "VOLUNTARY_FACILITY", "ABSCONDED");

    private final JdbcClient jdbc;
    private final AdminStructures structures;

    PersonSearch(JdbcClient jdbc, AdminStructures structures) {
        this.jdbc = jdbc;
        this.structures = structures;
    }

    record Query(String where, Map<String, Object> params) {
    }

    /** People whose residence lies in the area, a unit of an earlier structure. */
    /** A name or national ID typed to search: longer is no name, and would only make the query heavy. */
    static final int MAX_QUERY = 200;

    private static final String PLACED = """
            exists (select 1 from person_placement a where a.province_code = p.province_code and a.person_id = p.id
                    and a.structure = :areaStructure and a.%s = :area)""";

    /** A person provisionally placed in today's structure with the caller's commune among the candidates. */
    private static final String REVIEWABLE = """
            exists (select 1 from person_placement r where r.province_code = p.province_code and r.person_id = p.id
                    and r.structure = :areaStructure and r.method = 'PROVISIONAL'
                    and r.candidates @> array[cast(:area as varchar)])""";

    /**
     * The scope for opening one person: a commune officer may also open the people provisionally
     * placed in another commune for whom theirs is a candidate, to confirm or move them.
     */
    Query scopeForReading(AccessScope scope, LocalDate today) {
        Query scoped = scope(scope, today);
        if (!confirmsPlacements(scope)) {
            return scoped;
        }
        return new Query("(" + scoped.where() + ") or " + REVIEWABLE, scoped.params());
    }

    /** The people to confirm or move: provisionally placed, the caller's commune among the candidates. */
    Query reviews(AccessScope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("area", scope.areaCode());
        params.put("areaStructure", scope.areaStructure());
        if (scope.areaType() == AreaType.COMMUNE) {
            // an account of a former commune confirms nothing
            return new Query(confirmsPlacements(scope) ? REVIEWABLE : "false", params);
        }
        params.put("today", structures.current().code());
        String provisional = """
                exists (select 1 from person_placement r where r.province_code = p.province_code and r.person_id = p.id
                        and r.structure = :today and r.method = 'PROVISIONAL')""";
        Query scoped = scope(scope, structures.today());
        params.putAll(scoped.params());
        return new Query("(" + scoped.where() + ") and " + provisional, params);
    }

    /** An officer of one of today's communes, who confirms the placements among which it is a candidate. */
    private boolean confirmsPlacements(AccessScope scope) {
        return scope.areaType() == AreaType.COMMUNE && scope.seesPersons()
                && structures.current().code().equals(scope.areaStructure());
    }

    /**
     * People who may have something due under Law 120/2025: a move of residence since it came into force, or
     * turning 18 since then while in compulsory rehab. {@link PathRules#due} decides; this only narrows.
     */
    static final String DUTY_CANDIDATES = """
            (exists (select 1 from case_event m where m.person_id = p.id and m.type = 'RESIDENCE_MOVE' and m.event_date >= :law120)
             or (p.birth_date + interval '18 years' between :law120 and :today
                 and exists (select 1 from person_status_period c where c.person_id = p.id and c.status = 'IN_COMPULSORY'
                             and c.valid_to is null)))""";

    /** The scope condition alone, for checking one person. */
    Query scope(AccessScope scope, LocalDate today) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", Date.valueOf(today));
        if (!scope.seesPersons()) {
            return new Query("false", params);
        }
        if (scope.areaType() == null) {
            return new Query("true", params);
        }
        params.put("area", scope.areaCode());
        params.put("areaStructure", scope.areaStructure());
        return switch (scope.areaType()) {
            case PROVINCE -> new Query("p.province_code = :area", params);
            // the former district whose area holds the current residence, kept on the person for the list's index
            case DISTRICT -> new Query(structures.lastWithDistricts().map(AdminStructure::code).orElse("").equals(scope.areaStructure())
                    ? "p.former_district_code = :area" : PLACED.formatted("district_code"), params);
            case COMMUNE -> new Query(structures.current().code().equals(scope.areaStructure())
                    ? "p.current_commune_code = :area" : PLACED.formatted("commune_code"), params);
            // the people who have been in the facility, by the facility code of their status periods: a former
            // facility's officer keeps reading its people after they moved on (merged facilities: issue 19), and
            // the facility they were carried over to reads them from its own periods
            case FACILITY -> {
                params.put("facilityStatuses", FACILITY_STATUSES);
                yield new Query("""
                        exists (select 1 from person_status_period f where f.person_id = p.id and f.facility_code = :area
                                and f.status in (:facilityStatuses) and f.valid_from <= :today)""", params);
            }
        };
    }

    /**
     * The people the caller may change: those of {@link #scope}, but for a facility officer only the
     * facility's residents today (its past residents are read, not written).
     */
    Query scopeForChanging(AccessScope scope, LocalDate today) {
        Query scoped = scope(scope, today);
        if (scope.areaType() != AreaType.FACILITY || !scope.seesPersons()) {
            return scoped;
        }
        return new Query("""
                exists (select 1 from person_status_period f where f.person_id = p.id and f.facility_code = :area
                        and f.status in (:facilityStatuses) and status_held(f.valid_from, f.valid_to, :today))""", scoped.params());
    }

    Query build(AccessScope scope, PersonFilter filter, LocalDate today) {
        Query scoped = scope(scope, today);
        List<String> where = new ArrayList<>(List.of("p.merged_into_id is null", "(" + scoped.where() + ")"));
        Map<String, Object> params = new HashMap<>(scoped.params());
        LocalDate on = filter.date() == null ? today : filter.date();
        params.put("on", Date.valueOf(on));
        if (filter.districtCode() != null && !filter.districtCode().isBlank()) {
            where.add("p.former_district_code = :district");
            params.put("district", filter.districtCode());
        }
        if (filter.communeCode() != null && !filter.communeCode().isBlank()) {
            where.add("p.current_commune_code = :commune");
            params.put("commune", filter.communeCode());
        }
        if (filter.status() != null) {
            where.add("""
                    exists (select 1 from person_status_period s where s.person_id = p.id and s.status = :status
                            and status_held(s.valid_from, s.valid_to, :on))""");
            params.put("status", filter.status().name());
        }
        if (filter.facilityCode() != null && !filter.facilityCode().isBlank()) {
            where.add("""
                    exists (select 1 from person_status_period fc where fc.person_id = p.id and fc.facility_code = :facility
                            and status_held(fc.valid_from, fc.valid_to, :on))""");
            params.put("facility", filter.facilityCode());
        }
        if (filter.sex() != null) {
            where.add("p.sex = :sex");
            params.put("sex", filter.sex().name());
        }
        if (filter.ageGroup() != null && !filter.ageGroup().isBlank()) {
            int[] range = switch (filter.ageGroup()) {
                case "12-17" -> new int[] {12, 17};
                case "18-29" -> new int[] {18, 29};
                case "30-44" -> new int[] {30, 44};
                case "45+" -> new int[] {45, 150};
                default -> throw new vn.socialmap.base.ValidationException("ageGroup", "person.error.ageGroup");
            };
            where.add("p.birth_date > :bornAfter and p.birth_date <= :bornBy");
            params.put("bornAfter", Date.valueOf(on.minusYears(range[1] + 1)));
            params.put("bornBy", Date.valueOf(on.minusYears(range[0])));
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            String q = filter.query().strip();
            if (q.length() > MAX_QUERY) {
                throw new vn.socialmap.base.ValidationException("q", "person.error.query.long", MAX_QUERY);
            }
            if (q.matches("[0-9]{3,12}")) {
                where.add("p.national_id like :idPrefix");
                params.put("idPrefix", q + "%");
            } else {
                // consecutive words of the name, the last one a prefix: "nguyen van hu" finds "Nguyễn Văn Hùng";
                // the index holds words and pairs of neighbouring words (V9 migration)
                String[] words = VietnameseText.fold(q).replaceAll("[^a-z0-9]+", " ").strip().split(" ");
                if (!words[0].isEmpty()) {
                    List<String> pairs = new ArrayList<>();
                    for (int i = 0; i + 1 < words.length; i++) {
                        pairs.add(words[i] + "_" + words[i + 1]);
                    }
                    where.add("name_words(p.name_folded) @@ cast(:pairs as tsquery)");
                    params.put("pairs", (pairs.isEmpty() ? words[0] : String.join(" & ", pairs)) + ":*");
                    if (words.length > 2) {
                        // pairs may come from different places in the name: the words must follow each other
                        where.add("to_tsvector('simple', p.name_folded) @@ to_tsquery('simple', :phrase)");
                        params.put("phrase", String.join(" <-> ", words) + ":*");
                    }
                }
            }
        }
        return new Query(String.join(" and ", where), params);
    }

    List<PersonSummary> find(Query query, int offset, int limit) {
        return jdbc.sql(findSql(query)).params(query.params()).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new PersonSummary(rs.getLong("id"), rs.getString("full_name"),
                        rs.getDate("birth_date").toLocalDate(), Sex.valueOf(rs.getString("sex")),
                        rs.getString("national_id"), rs.getString("current_commune_code"),
                        rs.getString("former_district_code"), rs.getString("main_status")))
                .list();
    }

    /** A page of the list in name order; the area's name indexes (V12) read it in that order. */
    static String findSql(Query query) {
        return """
                select p.id, p.full_name, p.birth_date, p.sex, p.national_id, p.current_commune_code, p.former_district_code,
                       (select s.status from person_status_period s
                        where s.person_id = p.id and s.status not in ('ON_RECORD', 'ON_METHADONE')
                          and status_held(s.valid_from, s.valid_to, :on)
                        limit 1) as main_status
                from person p where\s""" + query.where() + " order by " + order(query) + " offset :offset limit :limit";
    }

    /**
     * Name order: the Vietnamese one, by given name, then family and middle names (V20). With words to match, the order is one no index gives: the words' index then finds
     * the matches and only those are sorted; otherwise the planner may walk the names in order and
     * test each against the words, and the matches of a surname sit together far down that order
     * (7.6 s for "huynh" among a million people, 0.8 s this way).
     */
    private static String order(Query query) {
        return query.params().containsKey("pairs") ? "p.given_name || '', p.family_and_middle_name || '', p.id"
                : "p.given_name, p.family_and_middle_name, p.id";
    }

    /** The matches counted up to {@code limit}: the count stops reading there. */
    long countUpTo(Query query, int limit) {
        return jdbc.sql("select count(*) from (select 1 from person p where " + query.where() + " limit :countLimit) matches")
                .params(query.params()).param("countLimit", limit).query(Long.class).single();
    }

    /** The provinces of the facilities with this code (one, for a facility officer's facility). */
    List<String> facilityProvinces(String facilityCode) {
        return jdbc.sql("select distinct province_code from facility where code = :code order by 1").param("code", facilityCode)
                .query(String.class).list();
    }

    boolean inScope(Query scope, long personId) {
        return jdbc.sql("select count(*) > 0 from person p where p.id = :personId and (" + scope.where() + ")")
                .params(scope.params()).param("personId", personId).query(Boolean.class).single();
    }
}
