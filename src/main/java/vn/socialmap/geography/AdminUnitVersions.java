package vn.socialmap.geography;

import java.sql.Date;
import java.time.LocalDate;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New shapes for current units: the current version ends the day before {@code from} and a
 * new one, with the same code and attributes and an official shape, starts on it; the
 * old shape stays as history. A second replacement on the same day changes that day's
 * version in place.
 */
@Service
public class AdminUnitVersions {

    private final JdbcClient jdbc;

    AdminUnitVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replaceShape(String code, MultiPolygon shape, LocalDate from) {
        byte[] wkb = new WKBWriter(2).write(shape);
        int ended = jdbc.sql("update admin_unit set valid_to = :d where code = :c and valid_to is null and valid_from < :d")
                .param("c", code).param("d", Date.valueOf(from)).update();
        if (ended == 1) {
            jdbc.sql("""
                    insert into admin_unit (code, level, name, name_folded, unit_type, parent_code, province_code, geom,
                                            geometry_source, valid_from)
                    select code, level, name, name_folded, unit_type, parent_code, province_code,
                           ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326)), 'OFFICIAL', :d
                    from admin_unit where code = :c and valid_to = :d""")
                    .param("c", code).param("d", Date.valueOf(from)).param("wkb", wkb).update();
            return;
        }
        int changed = jdbc.sql("""
                update admin_unit set geom = ST_Multi(ST_SetSRID(ST_GeomFromWKB(:wkb), 4326)), geometry_source = 'OFFICIAL'
                where code = :c and valid_to is null""").param("c", code).param("wkb", wkb).update();
        if (changed != 1) {
            throw new IllegalStateException("No current unit " + code);
        }
    }
}
