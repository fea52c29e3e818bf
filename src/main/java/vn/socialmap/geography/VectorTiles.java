package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mapbox vector tiles built by PostGIS ({@code ST_AsMVT}) for other systems and large
 * maps: the districts or communes in force on a date with their attributes (their structure
 * among them: codes are reused across structures), optionally with one value per unit from a
 * thematic layer (as the caller may see it: suppressed values are absent).
 * Shapes are simplified to the tile's resolution before clipping.
 */
@Service
@Transactional(readOnly = true)
public class VectorTiles {

    /** Tile grid resolution, as ST_AsMVT's default. */
    static final int EXTENT = 4096;

    private final JdbcClient jdbc;
    private final AdminStructures structures;
    private final List<ThematicLayer> layers;

    VectorTiles(JdbcClient jdbc, AdminStructures structures, List<ThematicLayer> layers) {
        this.jdbc = jdbc;
        this.structures = structures;
        this.layers = layers;
    }

    /** A thematic value to attach: layer id and variant (e.g. status / ON_RECORD) on a date. */
    public record Theme(String layer, String variant, LocalDate date) {
    }

    /** The tiles' URL template for a map of the units in force on a date (relative to the application's root). */
    public static String urlTemplate(AdminLevel level, LocalDate unitsAsOf) {
        return "api/v1/tiles/" + sourceLayer(level) + "/{z}/{x}/{y}.mvt?unitsAsOf=" + unitsAsOf;
    }

    /** The layer's name inside the tiles. */
    public static String sourceLayer(AdminLevel level) {
        return level.apiName() + "s";
    }

    public boolean knowsTheme(String layer, String variant) {
        return layers.stream().anyMatch(l -> l.id().equals(layer) && l.variants().contains(variant));
    }

    /** Units of a level in force on {@code unitsAsOf} (each with its structure), with the theme's values shown on them. */
    public byte[] tile(AdminLevel level, int z, int x, int y, Theme theme, LocalDate unitsAsOf) {
        AdminStructure structure = structures.on(unitsAsOf);
        List<String> codes = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        if (theme != null) {
            ThematicLayer layer = layers.stream().filter(l -> l.id().equals(theme.layer())).findFirst().orElseThrow();
            for (String province : provincesIn(z, x, y, structure, unitsAsOf)) {
                for (Map.Entry<String, Long> e : layer.values(theme.variant(), province, level, theme.date(), unitsAsOf).byUnit().entrySet()) {
                    if (e.getValue() != null) {
                        codes.add(e.getKey());
                        values.add(e.getValue());
                    }
                }
            }
        }
        // a tile is 256 px wide: simplify to about a quarter of a pixel at this zoom, in degrees
        double tolerance = 360.0 / (256 * Math.pow(2, z)) / 4;
        byte[] tile = jdbc.sql("""
                with b as (select ST_TileEnvelope(:z, :x, :y) as env),
                     v as (select * from unnest(cast(:codes as text[]), cast(:values as bigint[])) as v(code, value)),
                     u as (
                        select a.code, a.structure, a.name, a.level, a.parent_code as "parentCode",
                               a.province_code as "provinceCode", lower(a.geometry_source) as "geometrySource", v.value,
                               ST_AsMVTGeom(ST_Transform(ST_SimplifyPreserveTopology(a.geom, :tol), 3857), b.env, :extent, 64, true) as geom
                        from admin_unit a cross join b left join v on v.code = a.code
                        where a.structure = :structure and in_force(a.valid_from, a.valid_to, :day)
                          and a.level = :level and a.geom && ST_Transform(b.env, 4326))
                select ST_AsMVT(u, :name, :extent, 'geom') from u where u.geom is not null""")
                .param("z", z).param("x", x).param("y", y).param("tol", tolerance).param("extent", EXTENT)
                .param("codes", codes.toArray(String[]::new)).param("values", values.toArray(Long[]::new))
                .param("level", level.name()).param("name", sourceLayer(level))
                .param("structure", structure.code()).param("day", unitsAsOf)
                .query(byte[].class).single();
        return tile == null ? new byte[0] : tile;
    }

    /** Provinces whose shape meets the tile (values are computed per province). */
    private List<String> provincesIn(int z, int x, int y, AdminStructure structure, LocalDate day) {
        return jdbc.sql("""
                select code from admin_unit where level = 'PROVINCE' and structure = :structure
                and in_force(valid_from, valid_to, :day)
                and geom && ST_Transform(ST_TileEnvelope(:z, :x, :y), 4326)""")
                .param("z", z).param("x", x).param("y", y).param("structure", structure.code()).param("day", day)
                .query(String.class).list();
    }
}
