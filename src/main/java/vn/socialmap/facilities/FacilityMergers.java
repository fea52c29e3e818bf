package vn.socialmap.facilities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.socialmap.geography.AdminStructures;
import vn.socialmap.geography.AdminUnit;
import vn.socialmap.geography.AdminUnitService;
import vn.socialmap.geography.GeographyReady;
import vn.socialmap.geography.UnitRef;

/**
 * Applies the facility mergers of {@code facility_succession}: registers each successor that
 * is not yet in the registry (from the published list of the new facilities) and closes each
 * registered predecessor still open on the merger's day, as merged. Runs after the demo
 * facilities (which register the predecessors) and again at every start: it changes nothing
 * once applied.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class FacilityMergers implements ApplicationListener<GeographyReady> {

    private static final Logger log = LoggerFactory.getLogger(FacilityMergers.class);

    /** One published successor facility (see the file's header). */
    record Published(String provinceCode, String code, String name, String address, String siteCommune2025,
                     String communeToday, Long capacity, String capacitySource) {
    }

    private final FacilityService facilities;
    private final FacilityRepository repository;
    private final FacilityHistory history;
    private final AdminUnitService units;
    private final AdminStructures structures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Resource published;

    FacilityMergers(FacilityService facilities, FacilityRepository repository, FacilityHistory history, AdminUnitService units,
                    AdminStructures structures, TransactionTemplate transaction, Clock clock,
                    @Value("classpath:facilities/hanoi-police-facilities-2025.tsv") Resource published) {
        this.facilities = facilities;
        this.repository = repository;
        this.history = history;
        this.units = units;
        this.structures = structures;
        this.transaction = transaction;
        this.clock = clock;
        this.published = published;
    }

    @Override
    public void onApplicationEvent(GeographyReady event) {
        for (Published p : published()) {
            if (units.find(p.provinceCode()).isEmpty()) {
                continue;
            }
            transaction.executeWithoutResult(s -> apply(p));
        }
    }

    /** Closes the open predecessors of one published successor, then registers the successor if missing. */
    void apply(Published p) {
        List<FacilityHistory.Succession> predecessors = history.predecessors(p.provinceCode(), p.code());
        if (predecessors.isEmpty()) {
            return;
        }
        LocalDate day = predecessors.getFirst().date();
        long capacity = 0;
        int closed = 0;
        for (FacilityHistory.Succession s : predecessors) {
            Optional<Facility> old = publicRehab(p.provinceCode(), s.predecessorCode());
            if (old.isEmpty()) {
                continue;
            }
            Facility f = old.get();
            if (f.getDetails().get("capacity") != null) {
                capacity += Long.parseLong(f.getDetails().get("capacity").toString());
            }
            if (f.getStatus() != FacilityStatus.CLOSED || f.getStatusSince().isAfter(day)) {
                facilities.closeMerged(f, day);
                closed++;
            }
        }
        if (closed > 0) {
            log.info("Closed {} facilities of province {} merged into {} on {}", closed, p.provinceCode(), p.code(), day);
        }
        if (publicRehab(p.provinceCode(), p.code()).isPresent()) {
            return;
        }
        boolean assumedCapacity = p.capacity() == null;
        if (assumedCapacity && capacity == 0) {
            log.warn("Facility {} of province {} not registered: no capacity published and none of its predecessors "
                    + "registered to add up", p.code(), p.provinceCode());
            return;
        }
        Point site = site(p);
        Map<String, Object> details = new HashMap<>();
        details.put("capacity", assumedCapacity ? capacity : p.capacity());
        details.put("capacityAssumed", assumedCapacity);
        details.put("capacitySource", assumedCapacity ? "assumed: the sum of its assumed predecessors' capacities"
                : p.capacitySource());
        details.put("voluntary", true);
        details.put("compulsory", true);
        details.put("locationApproximate", true);
        Facility f = facilities.create(new FacilityForm(FacilityType.PUBLIC_REHAB, p.code(), p.name(), p.address(),
                p.communeToday(), site.getX(), site.getY(), null, null, null, FacilityStatus.ACTIVE, day, details));
        // a real facility (published name and site), not demo data, though its assumed capacity may add up demo figures
        f.openedOn(day);
        log.info("Registered facility {} of province {} (merged from {} on {})", p.code(), p.provinceCode(),
                predecessors.stream().map(FacilityHistory.Succession::predecessorCode).toList(), day);
    }

    /** A point inside the commune of 2025-01 holding the site and today's commune it went into (approximate). */
    private Point site(Published p) {
        AdminUnit today = units.find(new UnitRef(structures.current().code(), p.communeToday()))
                .orElseThrow(() -> new IllegalStateException("No commune " + p.communeToday() + " today"));
        Geometry inside = units.find(new UnitRef("2025-01", p.siteCommune2025()))
                .map(old -> old.getGeom().intersection(today.getGeom()))
                .filter(g -> !g.isEmpty() && g.getArea() > 0)
                .orElse(today.getGeom());
        return inside.getInteriorPoint();
    }

    private Optional<Facility> publicRehab(String provinceCode, String code) {
        return repository.findByProvinceCodeAndTypeAndCode(provinceCode, FacilityType.PUBLIC_REHAB, code);
    }

    List<Published> published() {
        List<Published> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(published.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
                String[] c = l.split("\t", -1);
                rows.add(new Published(c[0], c[1], c[2], c[3], c[4], c[5], c[6].isBlank() ? null : Long.valueOf(c[6]),
                        c[7].isBlank() ? null : c[7]));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
