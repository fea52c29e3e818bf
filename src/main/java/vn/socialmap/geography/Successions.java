package vn.socialmap.geography;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.socialmap.base.cache.AnswerCaches;
import vn.socialmap.base.cache.RecentAnswers;

/**
 * The crosswalks between structures: what a unit came from and went into, and which units
 * of another structure a unit corresponds to (following the crosswalks through the
 * structures between, forward or backward).
 */
@Service
public class Successions {

    private final JdbcClient jdbc;
    private final AdminStructures structures;
    private final AdminUnitService units;
    private final RecentAnswers<List<Succession>> all;
    private final RecentAnswers<Graph> graphs;

    Successions(JdbcClient jdbc, AdminStructures structures, AdminUnitService units, AnswerCaches caches) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.units = units;
        this.all = caches.create(2);
        this.graphs = caches.create(2);
    }

    /** Every row; a few thousand, read once per version of the units (loads write both together). */
    public List<Succession> all() {
        return all.get("all|" + units.version(), () -> List.copyOf(jdbc.sql("""
                        select level, predecessor_structure, predecessor_province, predecessor_code, predecessor_name,
                               successor_structure, successor_province, successor_code, kind, effective_date,
                               population_share, source, evidence
                        from admin_unit_succession order by successor_structure, successor_code, predecessor_code""")
                .query((rs, n) -> new Succession(AdminLevel.valueOf(rs.getString("level")),
                        new UnitRef(rs.getString("predecessor_structure"), rs.getString("predecessor_code")),
                        rs.getString("predecessor_province"), rs.getString("predecessor_name"),
                        new UnitRef(rs.getString("successor_structure"), rs.getString("successor_code")),
                        rs.getString("successor_province"), Succession.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_date", java.time.LocalDate.class),
                        (Double) rs.getObject("population_share"), rs.getString("source"), rs.getString("evidence")))
                .list()));
    }

    /** What the unit was formed from. */
    public List<Succession> predecessors(UnitRef unit) {
        return all().stream().filter(s -> s.successor().equals(unit)).toList();
    }

    /** What the unit went into. */
    public List<Succession> successors(UnitRef unit) {
        return all().stream().filter(s -> s.predecessor().equals(unit)).toList();
    }

    /**
     * The commune-level units of structure {@code to} that correspond to a commune-level unit of
     * another structure: its successors' successors (forward in time) or its predecessors'
     * predecessors (backward). One element: the correspondence is exact. Predecessors in
     * provinces whose history is not loaded (Quảng Nam's communes in today's Đà Nẵng) are
     * named too: callers keep the units that exist.
     */
    public Set<String> carry(UnitRef from, AdminStructure to) {
        List<AdminStructure> order = structures.all();
        int a = indexOf(order, from.structure());
        int b = indexOf(order, to.code());
        Set<String> current = new LinkedHashSet<>(List.of(from.code()));
        Graph graph = graph();
        Map<String, List<Succession>> forward = graph.forward();
        Map<String, List<Succession>> backward = graph.backward();
        int step = a <= b ? 1 : -1;
        for (int i = a; i != b; i += step) {
            String here = order.get(i).code();
            Set<String> next = new LinkedHashSet<>();
            for (String code : current) {
                String key = here + "/" + code;
                if (step > 0) {
                    forward.getOrDefault(key, List.of()).forEach(s -> next.add(s.successor().code()));
                } else {
                    backward.getOrDefault(key, List.of()).forEach(s -> next.add(s.predecessor().code()));
                }
            }
            current = next;
        }
        return current;
    }

    /**
     * The same unit in another structure, when it continued unchanged: each step a whole
     * succession to a unit formed from it alone (a district of 2022 is that of 2025-01; a commune
     * merged with others is not any of its successors). Empty otherwise.
     */
    public java.util.Optional<UnitRef> continuation(UnitRef unit, AdminStructure target) {
        List<AdminStructure> order = structures.all();
        int a = indexOf(order, unit.structure());
        int b = indexOf(order, target.code());
        UnitRef here = unit;
        for (int i = a; i != b; i += a <= b ? 1 : -1) {
            List<Succession> next = a <= b ? successors(here) : predecessors(here);
            if (next.size() != 1 || next.getFirst().kind() != Succession.Kind.WHOLE) {
                return java.util.Optional.empty();
            }
            Succession step = next.getFirst();
            // one to one: the predecessor went into this successor only, and nothing else went into it
            if (successors(step.predecessor()).size() != 1 || predecessors(step.successor()).size() != 1) {
                return java.util.Optional.empty();
            }
            here = a <= b ? step.successor() : step.predecessor();
        }
        return java.util.Optional.of(here);
    }

    /** The commune-level rows by predecessor and by successor ({@code structure/code}). */
    private record Graph(Map<String, List<Succession>> forward, Map<String, List<Succession>> backward) {
    }

    private Graph graph() {
        return graphs.get("graph|" + units.version(), () -> {
            Map<String, List<Succession>> forward = new HashMap<>();
            Map<String, List<Succession>> backward = new HashMap<>();
            for (Succession s : all()) {
                if (s.level() == AdminLevel.COMMUNE) {
                    forward.computeIfAbsent(s.predecessor().toString(), k -> new ArrayList<>()).add(s);
                    backward.computeIfAbsent(s.successor().toString(), k -> new ArrayList<>()).add(s);
                }
            }
            return new Graph(forward, backward);
        });
    }

    private static int indexOf(List<AdminStructure> order, String code) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unknown structure " + code);
    }
}
