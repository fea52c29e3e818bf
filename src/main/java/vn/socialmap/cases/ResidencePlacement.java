package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.socialmap.base.text.VietnameseText;
import vn.socialmap.geography.AdminLevel;
import vn.socialmap.geography.AdminStructure;
import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.Successions;
import vn.socialmap.geography.UnitRef;

/**
 * Where each person's residence lies in every structure of their province, the one rule by
 * which events, status periods and counts are carried between structures. In the structure
 * a commune was entered (or confirmed) in, that commune; elsewhere the commune holding the
 * residence point; else the only commune the crosswalk leads to; else the one candidate the
 * address names (a name the old commune also bore is no evidence); else, provisionally, the
 * candidate with the largest population share, listed for the candidates' officers.
 */
@Component
class ResidencePlacement {

    /** A commune entered or confirmed for a person in a structure. */
    record Anchor(String structure, String communeCode, PlacementMethod method) {
    }

    /** What a person's placement rests on: their anchors, residence point and current address. */
    record Residence(long personId, String provinceCode, List<Anchor> anchors, double[] point, String address) {
    }

    /** The current residence the placements give: today's commune and the former district. */
    record Current(String structure, String communeCode, String formerDistrictCode) {
    }

    private final JdbcClient jdbc;
    private final AdminStructures structures;
    private final AdminUnitService units;
    private final Successions successions;

    ResidencePlacement(JdbcClient jdbc, AdminStructures structures, AdminUnitService units, Successions successions) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.units = units;
        this.successions = successions;
    }

    /** Places the people in every structure of their province, replacing their placements; answers them by person. */
    Map<Long, Map<String, Placement>> place(List<Residence> residences) {
        Map<Long, Map<String, Placement>> result = new LinkedHashMap<>();
        Map<String, List<Residence>> byProvince = new LinkedHashMap<>();
        residences.forEach(r -> byProvince.computeIfAbsent(r.provinceCode(), k -> new ArrayList<>()).add(r));
        byProvince.forEach((province, people) -> result.putAll(placeInProvince(province, people)));
        write(residences, result);
        return result;
    }

    private Map<Long, Map<String, Placement>> placeInProvince(String province, List<Residence> people) {
        List<AdminStructure> order = structures.all();
        Crosswalk crosswalk = new Crosswalk();
        Map<Long, Map<String, Placement>> result = new LinkedHashMap<>();
        people.forEach(r -> result.put(r.personId(), new LinkedHashMap<>()));
        for (AdminStructure s : units.structuresOf(province)) {
            LocalDate day = structures.dayWithin(s, structures.today());
            Map<Long, double[]> points = new HashMap<>();
            for (Residence r : people) {
                if (r.point() != null && anchorIn(r, s.code()).isEmpty()) {
                    points.put(r.personId(), r.point());
                }
            }
            Map<Long, String> located = units.communesAt(s.code(), province, points);
            for (Residence r : people) {
                Placement placed = anchorIn(r, s.code())
                        .map(a -> placement(s, a.communeCode(), a.method(), null, day))
                        .or(() -> Optional.ofNullable(located.get(r.personId()))
                                .map(code -> placement(s, code, PlacementMethod.POINT, null, day)))
                        .orElseGet(() -> carried(r, s, order, day, crosswalk));
                if (placed != null) {
                    result.get(r.personId()).put(s.code(), placed);
                }
            }
        }
        return result;
    }

    private static Optional<Anchor> anchorIn(Residence r, String structure) {
        return r.anchors().stream().filter(a -> a.structure().equals(structure)).findFirst();
    }

    /** Through the crosswalk from the anchor nearest in time (the later one on a tie). */
    private Placement carried(Residence r, AdminStructure target, List<AdminStructure> order, LocalDate day,
                              Crosswalk crosswalk) {
        int t = order.indexOf(target);
        Anchor from = r.anchors().stream()
                .min(Comparator.<Anchor>comparingInt(a -> Math.abs(indexOf(order, a.structure()) - t))
                        .thenComparing(a -> -indexOf(order, a.structure())))
                .orElse(null);
        if (from == null) {
            return null;
        }
        UnitRef source = new UnitRef(from.structure(), from.communeCode());
        List<String> candidates = crosswalk.candidates(source, target, day);
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return placement(target, candidates.getFirst(), PlacementMethod.WHOLE, null, day);
        }
        String named = namedInAddress(r.address(), source, candidates, day);
        if (named != null) {
            return placement(target, named, PlacementMethod.ADDRESS, null, day);
        }
        return placement(target, crosswalk.largestShare(source, target, candidates), PlacementMethod.PROVISIONAL, candidates, day);
    }

    /** The crosswalk's answers within one placing: many people come from the same commune. */
    private final class Crosswalk {
        private final Map<String, List<String>> candidates = new HashMap<>();
        private final Map<String, String> largest = new HashMap<>();

        /** The communes of the target structure the source corresponds to, that exist there. */
        List<String> candidates(UnitRef source, AdminStructure target, LocalDate day) {
            return candidates.computeIfAbsent(source + ">" + target.code(), k -> successions.carry(source, target).stream()
                    .filter(code -> units.find(code, day).filter(u -> u.getLevel() == AdminLevel.COMMUNE).isPresent())
                    .sorted().toList());
        }

        /** The candidate with the largest estimated share of the source's residents (the lower code on a tie). */
        String largestShare(UnitRef source, AdminStructure target, List<String> among) {
            return largest.computeIfAbsent(source + ">" + target.code(), k -> {
                Map<String, Double> shares = units.shares(source, target.code(), among);
                return among.stream().max(Comparator.<String>comparingDouble(c -> shares.getOrDefault(c, 0.0))
                        .thenComparing(Comparator.reverseOrder())).orElseThrow();
            });
        }
    }

    /**
     * The one candidate whose name the address contains ("…, phường Ba Đình"), or null. A name
     * the source unit bore too (Phường Ngọc Hà before and after 2025) says nothing of which
     * part of it the person lives in.
     */
    private String namedInAddress(String address, UnitRef source, List<String> candidates, LocalDate day) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String folded = " " + VietnameseText.fold(address).replaceAll("[^a-z0-9]+", " ") + " ";
        String sourceName = units.find(source).map(u -> VietnameseText.fold(u.getName())).orElse("");
        List<String> named = new ArrayList<>();
        for (String code : candidates) {
            units.find(code, day).ifPresent(u -> {
                String name = VietnameseText.fold(u.getName());
                if (!name.equals(sourceName) && folded.contains(" " + name.replaceAll("[^a-z0-9]+", " ").strip() + " ")) {
                    named.add(code);
                }
            });
        }
        return named.size() == 1 ? named.getFirst() : null;
    }

    private Placement placement(AdminStructure s, String commune, PlacementMethod method, List<String> candidates,
                                LocalDate day) {
        String district = s.hasDistricts()
                ? units.find(commune, day).map(AdminUnit::getParentCode).orElse(null) : null;
        return new Placement(s.code(), commune, district, method, candidates == null ? List.of() : candidates);
    }

    private static int indexOf(List<AdminStructure> order, String code) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The current residence the placements give (today's structure, and the district of the last structure with districts). */
    Current current(Map<String, Placement> placements) {
        AdminStructure today = structures.current();
        Placement now = placements.get(today.code());
        if (now == null) {
            return null;
        }
        String former = structures.lastWithDistricts().map(s -> placements.get(s.code()))
                .map(Placement::districtCode).orElse(null);
        return new Current(today.code(), now.communeCode(), former);
    }

    /**
     * Writes each placed person's current residence (today's commune, the former district) and
     * carries a permanent residence of an earlier structure into today's: the current commune
     * where it was the same commune, else as {@link #carried} would (without a point).
     */
    void writeCurrent(Map<Long, Map<String, Placement>> placed) {
        if (placed.isEmpty()) {
            return;
        }
        AdminStructure today = structures.current();
        Crosswalk crosswalk = new Crosswalk();
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                select id, province_code, current_structure, current_commune_code, permanent_structure, permanent_commune_code,
                       permanent_address from person where id = any(cast(:ids as bigint[]))""")
                .param("ids", placed.keySet().toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong("id");
                    Current current = current(placed.get(id));
                    if (current == null) {
                        return;
                    }
                    String permanentStructure = rs.getString("permanent_structure");
                    String permanent = rs.getString("permanent_commune_code");
                    if (!permanentStructure.equals(today.code())) {
                        boolean same = permanentStructure.equals(rs.getString("current_structure"))
                                && permanent.equals(rs.getString("current_commune_code"));
                        Placement carried = same ? null : carried(new Residence(id, rs.getString("province_code"),
                                List.of(new Anchor(permanentStructure, permanent, PlacementMethod.RECORDED)), null,
                                rs.getString("permanent_address")), today, structures.all(), structures.dayWithin(today, structures.today()),
                                crosswalk);
                        permanent = same ? current.communeCode() : carried == null ? current.communeCode() : carried.communeCode();
                    }
                    rows.add(new Object[] {id, current.structure(), current.communeCode(), current.formerDistrictCode(), permanent});
                });
        for (int from = 0; from < rows.size(); from += SqlArrays.BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + SqlArrays.BATCH));
            jdbc.sql("""
                    update person p set current_structure = x.s, current_commune_code = x.c, former_district_code = x.d,
                                        permanent_structure = x.s, permanent_commune_code = x.pc
                    from unnest(cast(:i as bigint[]), cast(:s as varchar[]), cast(:c as varchar[]), cast(:d as varchar[]),
                                cast(:pc as varchar[])) as x(i, s, c, d, pc)
                    where p.id = x.i""")
                    .param("i", SqlArrays.column(batch, 0, Long.class)).param("s", SqlArrays.column(batch, 1, String.class))
                    .param("c", SqlArrays.column(batch, 2, String.class)).param("d", SqlArrays.column(batch, 3, String.class))
                    .param("pc", SqlArrays.column(batch, 4, String.class))
                    .update();
        }
    }

    private void write(List<Residence> residences, Map<Long, Map<String, Placement>> placed) {
        if (residences.isEmpty()) {
            return;
        }
        Long[] ids = residences.stream().map(Residence::personId).toArray(Long[]::new);
        jdbc.sql("delete from person_placement where person_id = any(cast(:ids as bigint[]))").param("ids", ids).update();
        List<Object[]> rows = new ArrayList<>();
        for (Residence r : residences) {
            placed.getOrDefault(r.personId(), Map.of()).values().forEach(p -> rows.add(new Object[] {r.provinceCode(), r.personId(),
                    p.structure(), p.communeCode(), p.districtCode(), p.method().name(),
                    p.candidates().isEmpty() ? null : String.join(",", p.candidates())}));
        }
        for (int from = 0; from < rows.size(); from += SqlArrays.BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + SqlArrays.BATCH));
            jdbc.sql("""
                    insert into person_placement (province_code, person_id, structure, commune_code, district_code, method, candidates)
                    select p, i, s, c, d, m, string_to_array(k, ',')
                    from unnest(cast(:p as varchar[]), cast(:i as bigint[]), cast(:s as varchar[]), cast(:c as varchar[]),
                                cast(:d as varchar[]), cast(:m as varchar[]), cast(:k as varchar[])) as x(p, i, s, c, d, m, k)""")
                    .param("p", SqlArrays.column(batch, 0, String.class)).param("i", SqlArrays.column(batch, 1, Long.class))
                    .param("s", SqlArrays.column(batch, 2, String.class)).param("c", SqlArrays.column(batch, 3, String.class))
                    .param("d", SqlArrays.column(batch, 4, String.class)).param("m", SqlArrays.column(batch, 5, String.class))
                    .param("k", SqlArrays.column(batch, 6, String.class))
                    .update();
        }
    }

    /** The people's placements as stored, by person and structure. */
    Map<Long, Map<String, Placement>> placements(Collection<Long> personIds) {
        Map<Long, Map<String, Placement>> result = new HashMap<>();
        if (personIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                select person_id, structure, commune_code, district_code, method, candidates from person_placement
                where person_id = any(cast(:ids as bigint[]))""")
                .param("ids", personIds.toArray(Long[]::new))
                .query(rs -> {
                    java.sql.Array candidates = rs.getArray("candidates");
                    List<String> list = candidates == null ? List.of() : List.of((String[]) candidates.getArray());
                    result.computeIfAbsent(rs.getLong("person_id"), k -> new LinkedHashMap<>()).put(rs.getString("structure"),
                            new Placement(rs.getString("structure"), rs.getString("commune_code"), rs.getString("district_code"),
                                    PlacementMethod.valueOf(rs.getString("method")), list));
                });
        return result;
    }

    Map<String, Placement> placements(long personId) {
        return placements(List.of(personId)).getOrDefault(personId, Map.of());
    }

    /** What the stored people's placements rest on: their anchors (stored placements entered or confirmed), point and address. */
    List<Residence> residences(Collection<Long> personIds) {
        Map<Long, List<Anchor>> anchors = new HashMap<>();
        placements(personIds).forEach((id, byStructure) -> byStructure.values().stream()
                .filter(p -> p.method().isAnchor())
                .forEach(p -> anchors.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Anchor(p.structure(), p.communeCode(), p.method()))));
        List<Residence> result = new ArrayList<>();
        jdbc.sql("""
                select id, province_code, current_structure, current_commune_code, ST_X(current_point) as x, ST_Y(current_point) as y,
                       current_address from person where id = any(cast(:ids as bigint[])) order by id""")
                .param("ids", personIds.toArray(Long[]::new))
                .query(rs -> {
                    long id = rs.getLong("id");
                    List<Anchor> mine = anchors.getOrDefault(id, new ArrayList<>());
                    if (mine.isEmpty()) {
                        // never placed: the residence as recorded
                        mine.add(new Anchor(rs.getString("current_structure"), rs.getString("current_commune_code"),
                                PlacementMethod.RECORDED));
                    }
                    double x = rs.getDouble("x");
                    double[] point = rs.wasNull() ? null : new double[] {x, rs.getDouble("y")};
                    result.add(new Residence(id, rs.getString("province_code"), mine, point, rs.getString("current_address")));
                });
        return result;
    }

    /** The candidates of a provisional placement, sorted; empty when the placement is not provisional. */
    static Set<String> candidates(Placement p) {
        return p.method() == PlacementMethod.PROVISIONAL ? new TreeSet<>(p.candidates()) : Set.of();
    }
}
