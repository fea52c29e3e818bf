package vn.socialmap.geography;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.locationtech.jts.io.WKTWriter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.socialmap.base.text.VietnameseText;

/**
 * Writes many units at once with PostgreSQL COPY (the country's 3,321 communes), in the
 * caller's transaction, and reads the codes already taken.
 */
@Service
public class AdminUnitBulkLoader {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final UnitWrites writes;

    AdminUnitBulkLoader(DataSource dataSource, JdbcClient jdbc, UnitWrites writes) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** Codes of every unit ever recorded at a level (current or historical). */
    @Transactional(readOnly = true)
    public Set<String> codesInUse(AdminLevel level) {
        return Set.copyOf(jdbc.sql("select distinct code from admin_unit where level = :level").param("level", level.name())
                .query(String.class).list());
    }

    @Transactional
    public void copy(List<AdminUnit> units) {
        writes.mark();
        WKTWriter wkt = new WKTWriter();
        StringBuilder rows = new StringBuilder();
        for (AdminUnit u : units) {
            rows.append(String.join("\t", text(u.getStructure()), text(u.getCode()), u.getLevel().name(), text(u.getName()),
                    text(VietnameseText.fold(u.getName())), text(u.getUnitType()), orNull(u.getParentCode()),
                    text(u.getProvinceCode()), "SRID=4326;" + wkt.write(u.getGeom()), u.getGeometrySource().name(),
                    orNull(u.getValidFrom()), orNull(u.getValidTo()), orNull(u.getPopulation()), orNull(u.getAreaKm2())));
            rows.append('\n');
        }
        if (units.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy admin_unit (structure, code, level, name, name_folded, unit_type, parent_code, province_code, geom,
                                     geometry_source, valid_from, valid_to, population, area_km2) from stdin""", new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Copying units failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String orNull(Object value) {
        return value == null ? "\\N" : text(value.toString());
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
