package vn.socialmap.geography;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.geography.UnitListReader.UnitRow;
import vn.socialmap.geography.partition.CommunePartitioner;

/**
 * Loads each configured province on first start: units from the GSO list, district
 * shapes from the boundary file, the province as their union, and approximate commune
 * shapes partitioned from each district. A province already present is left alone, so
 * imported official boundaries are never overwritten.
 *
 * <p>Runs once the beans exist (Flyway has migrated by then) and before the web server
 * takes requests, so that nobody sees an empty map on first start.
 */
@Component
class AdminUnitLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminUnitLoader.class);

    private final GeographyProperties properties;
    private final AdminUnitRepository repository;
    private final TransactionTemplate transaction;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final UnitListReader unitListReader = new UnitListReader();
    private final BoundaryReader boundaryReader;
    private final CommunePartitioner partitioner = new CommunePartitioner(factory);
    private final ApplicationEventPublisher events;

    AdminUnitLoader(GeographyProperties properties, AdminUnitRepository repository,
                    TransactionTemplate transaction, ObjectMapper json, ApplicationEventPublisher events) {
        this.events = events;
        this.properties = properties;
        this.repository = repository;
        this.transaction = transaction;
        this.boundaryReader = new BoundaryReader(json, factory);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (GeographyProperties.Source source : properties.sources()) {
            if (repository.countByProvinceCode(source.province()) > 0) {
                continue;
            }
            long start = System.nanoTime();
            List<AdminUnit> units = build(source);
            transaction.executeWithoutResult(status -> repository.saveAll(units));
            log.info("Loaded province {}: {} units in {} ms", source.province(), units.size(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        events.publishEvent(new GeographyReady(this));
    }

    List<AdminUnit> build(GeographyProperties.Source source) {
        List<UnitRow> rows;
        Map<String, MultiPolygon> boundaries;
        try {
            rows = unitListReader.read(source.units());
            boundaries = boundaryReader.read(source.districtBoundaries());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read geography of province " + source.province(), e);
        }
        var validFrom = properties.structureValidFrom();
        List<AdminUnit> units = new ArrayList<>();
        List<Geometry> districtShapes = new ArrayList<>();
        UnitRow province = rows.stream().filter(r -> r.level() == AdminLevel.PROVINCE).findFirst()
                .orElseThrow(() -> new IllegalStateException("No province row in " + source.units()));
        Map<String, List<UnitRow>> communesByDistrict = rows.stream()
                .filter(r -> r.level() == AdminLevel.COMMUNE)
                .collect(Collectors.groupingBy(UnitRow::parentCode));

        for (UnitRow district : rows.stream().filter(r -> r.level() == AdminLevel.DISTRICT).toList()) {
            MultiPolygon shape = boundaries.get(district.code());
            if (shape == null) {
                throw new IllegalStateException("No boundary for district " + district.code() + " in " + source.districtBoundaries());
            }
            shape = valid(shape);
            districtShapes.add(shape);
            units.add(new AdminUnit(district.code(), AdminLevel.DISTRICT, district.name(), district.type(),
                    province.code(), province.code(), shape, GeometrySource.OFFICIAL, validFrom));

            List<UnitRow> communes = communesByDistrict.getOrDefault(district.code(), List.of());
            List<String> codes = communes.stream().map(UnitRow::code).sorted().toList();
            Map<String, Geometry> parts = partitioner.partition(shape, codes, Long.parseLong(district.code()));
            for (UnitRow commune : communes) {
                units.add(new AdminUnit(commune.code(), AdminLevel.COMMUNE, commune.name(), commune.type(),
                        district.code(), province.code(), partitioner.toMultiPolygon(parts.get(commune.code())),
                        GeometrySource.APPROXIMATE, validFrom));
            }
        }
        MultiPolygon provinceShape = partitioner.toMultiPolygon(UnaryUnionOp.union(districtShapes));
        units.addFirst(new AdminUnit(province.code(), AdminLevel.PROVINCE, province.name(), province.type(), null,
                province.code(), provinceShape, GeometrySource.OFFICIAL, validFrom));
        return units;
    }

    private MultiPolygon valid(MultiPolygon shape) {
        if (shape.isValid()) {
            return shape;
        }
        return partitioner.toMultiPolygon(GeometryFixer.fix(shape));
    }
}
