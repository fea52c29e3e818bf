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
 * Writes many units at once with PostgreSQL COPY (the synthetic national dataset: thousands
 * of communes), in the caller's transaction, and reads the codes already taken.
 */
@Service
public class AdminUnitBulkLoader {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    AdminUnitBulkLoader(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Codes of every unit ever recorded at a level (current or historical). */
    @Transactional(readOnly = true)
    public Set<String> codesInUse(AdminLevel level) {
        return Set.copyOf(jdbc.sql("select distinct code from admin_unit where level = :level").param("level", level.name())
                .query(String.class).list());
    }

    @Transactional
    public void copy(List<AdminUnit> units) {
        WKTWriter wkt = new WKTWriter();
        StringBuilder rows = new StringBuilder();
        for (AdminUnit u : units) {
            rows.append(String.join("\t", text(u.getCode()), u.getLevel().name(), text(u.getName()),
                    text(VietnameseText.fold(u.getName())), text(u.getUnitType()),
                    u.getParentCode() == null ? "\\N" : text(u.getParentCode()), text(u.getProvinceCode()),
                    "SRID=4326;" + wkt.write(u.getGeom()), u.getGeometrySource().name(), u.getValidFrom().toString()));
            rows.append('\n');
        }
        if (units.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy admin_unit (code, level, name, name_folded, unit_type, parent_code, province_code, geom,
                                     geometry_source, valid_from) from stdin""", new StringReader(rows.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("Copying units failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** COPY's text format: backslash, tab and line breaks escaped. */
    private static String text(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
