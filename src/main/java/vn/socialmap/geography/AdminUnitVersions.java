package vn.socialmap.geography;

import java.sql.Date;
import java.time.LocalDate;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New official shapes for units. A unit of the structure in force: its current version ends the
 * day before {@code from} and a new one, with the same code and attributes and the new shape,
 * starts on it; the old shape stays as history (a second replacement on the same day changes
 * that day's version in place). A unit of a structure no longer in force: its shape was always
 * the one now published, so its latest version takes it in place.
 */
@Service
public class AdminUnitVersions {

    private final JdbcClient jdbc;
    private final UnitWrites writes;
    private final AdminStructures structures;

    AdminUnitVersions(JdbcClient jdbc, UnitWrites writes, AdminStructures structures) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.structures = structures;
    }

    @Transactional
    public void replaceShape(UnitRef unit, MultiPolygon shape, LocalDate from) {
        writes.mark();
        byte[] wkb = new WKBWriter(2).write(shape);
        AdminStructure structure = structures.require(unit.structure());
        if (!structure.inForceOn(from)) {
            LocalDate last = structures.dayWithin(structure, from);
            int changed = jdbc.sql("""
                    update admin_unit set geom = ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326)), geometry_source = 'OFFICIAL'
                    where structure = :s and code = :c and in_force(valid_from, valid_to, :d)""")
                    .param("s", unit.structure()).param("c", unit.code()).param("d", Date.valueOf(last)).param("wkb", wkb).update();
            if (changed != 1) {
                throw new IllegalStateException("No unit " + unit);
            }
            return;
        }
        int ended = jdbc.sql("""
                update admin_unit set valid_to = :d
                where structure = :s and code = :c and valid_to is null and (valid_from is null or valid_from < :d)""")
                .param("s", unit.structure()).param("c", unit.code()).param("d", Date.valueOf(from)).update();
        if (ended == 1) {
            jdbc.sql("""
                    insert into admin_unit (structure, code, level, name, name_folded, unit_type, parent_code, province_code, geom,
                                            geometry_source, valid_from, population, area_km2)
                    select structure, code, level, name, name_folded, unit_type, parent_code, province_code,
                           ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326)), 'OFFICIAL', :d, population, area_km2
                    from admin_unit where structure = :s and code = :c and valid_to = :d""")
                    .param("s", unit.structure()).param("c", unit.code()).param("d", Date.valueOf(from)).param("wkb", wkb).update();
            return;
        }
        int changed = jdbc.sql("""
                update admin_unit set geom = ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326)), geometry_source = 'OFFICIAL'
                where structure = :s and code = :c and valid_to is null""")
                .param("s", unit.structure()).param("c", unit.code()).param("wkb", wkb).update();
        if (changed != 1) {
            throw new IllegalStateException("No current unit " + unit);
        }
    }
}
