package vn.socialmap.imports.boundaries;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.socialmap.base.ValidationException;

/**
 * Turns what a file says about its coordinates (an EPSG code, or the WKT of a .prj or a
 * GeoPackage) into a PROJ definition PostGIS can transform from. VN-2000 systems with a
 * local central meridian (the 3-degree TM zones provinces use) have no EPSG code: their
 * definition is built from the WKT's parameters with VN-2000's datum shift, taken from
 * PostGIS's own EPSG:4756 so that every VN-2000 path uses the same seven parameters.
 */
@Component
public class CoordinateSystems {

    static final int VN2000_GEOGRAPHIC = 4756;

    /**
     * What a user may say a file is in when the file names nothing: WGS84, VN-2000 / UTM zones 48N
     * and 49N, and the VN-2000 3-degree zones with a scale factor of 0.9999 and a false easting of
     * 500 km that provinces use (central meridian 105° for Hà Nội, 107°45' for Đà Nẵng, 102° and
     * 108° for their neighbours). EPSG's later 6956-6959 are left out: PostGIS carries them with
     * easting and northing swapped.
     */
    static final List<Integer> CHOICES = List.of(4326, 3405, 3406, 5897, 5899, 5896, 5898);

    private static final Pattern AUTHORITY = Pattern.compile("(?:AUTHORITY|ID)\\[\"EPSG\",\"?(\\d+)\"?\\]\\s*\\]\\s*$");
    private static final Pattern PARAMETER = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-0-9.eE+]+)");
    private static final Pattern EPSG_URN = Pattern.compile("(?:EPSG::?|EPSG:)(\\d+)", Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;

    CoordinateSystems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The PROJ definition of an EPSG code PostGIS knows. */
    public Optional<String> epsg(int code) {
        return jdbc.sql("select proj4text from spatial_ref_sys where auth_name = 'EPSG' and auth_srid = :c")
                .param("c", code).query(String.class).optional().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The EPSG codes a user may choose for a file that names no system, those PostGIS knows. */
    public List<Integer> choices() {
        return CHOICES.stream().filter(c -> epsg(c).isPresent()).toList();
    }

    /** The PROJ definition of a system the user chose; only the {@link #choices()} are accepted. */
    public String chosen(int code) {
        if (!CHOICES.contains(code)) {
            throw new ValidationException("crs", "boundaries.error.crsChoice", String.valueOf(code));
        }
        return epsg(code).orElseThrow(() -> new ValidationException("crs", "boundaries.error.crsChoice", String.valueOf(code)));
    }

    /** Whether coordinates in this system are longitude and latitude in degrees. */
    public static boolean geographic(String proj) {
        return proj.contains("+proj=longlat") || proj.contains("+proj=latlong");
    }

    /** "urn:ogc:def:crs:EPSG::3405", "EPSG:3405" or the CRS84 URN of GeoJSON. */
    public String fromName(String name) {
        if (name == null || name.isBlank() || name.toUpperCase(Locale.ROOT).contains("CRS84")) {
            return BoundaryFile.WGS84;
        }
        Matcher m = EPSG_URN.matcher(name);
        if (m.find()) {
            int code = Integer.parseInt(m.group(1));
            return epsg(code).orElseThrow(() -> new BoundaryFileException("boundaries.error.crs", name));
        }
        throw new BoundaryFileException("boundaries.error.crs", name);
    }

    /** A .prj (ESRI WKT) or OGC WKT 1/2 definition. */
    public String fromWkt(String wkt) {
        String text = wkt == null ? "" : wkt.strip();
        if (text.isEmpty()) {
            return BoundaryFile.WGS84;
        }
        Matcher authority = AUTHORITY.matcher(text);
        if (authority.find()) {
            Optional<String> known = epsg(Integer.parseInt(authority.group(1)));
            if (known.isPresent()) {
                return known.get();
            }
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        boolean vn2000 = upper.contains("VN_2000") || upper.contains("VIETNAM_2000") || upper.contains("VN2000");
        boolean wgs84 = upper.contains("WGS_84") || upper.contains("WGS_1984") || upper.contains("WGS84");
        String datum = vn2000 ? "+ellps=WGS84 " + vn2000Shift() : wgs84 ? "+datum=WGS84" : null;
        if (datum == null) {
            throw new BoundaryFileException("boundaries.error.crs", abbreviate(text));
        }
        boolean projected = upper.startsWith("PROJCS") || upper.startsWith("PROJCRS") || upper.startsWith("PROJECTEDCRS");
        if (!projected) {
            return "+proj=longlat " + datum + " +no_defs";
        }
        if (!(upper.contains("TRANSVERSE_MERCATOR") || upper.contains("UTM"))) {
            throw new BoundaryFileException("boundaries.error.projection", abbreviate(text));
        }
        Map<String, Double> p = parameters(text);
        double lon0 = first(p, "central_meridian", "longitude_of_natural_origin", "longitude_of_origin");
        double lat0 = p.getOrDefault("latitude_of_origin", p.getOrDefault("latitude_of_natural_origin", 0.0));
        double k = p.getOrDefault("scale_factor", p.getOrDefault("scale_factor_at_natural_origin", 1.0));
        double x0 = p.getOrDefault("false_easting", 0.0);
        double y0 = p.getOrDefault("false_northing", 0.0);
        return String.format(Locale.ROOT, "+proj=tmerc +lat_0=%s +lon_0=%s +k=%s +x_0=%s +y_0=%s %s +units=m +no_defs",
                plain(lat0), plain(lon0), plain(k), plain(x0), plain(y0), datum);
    }

    private String vn2000Shift() {
        String proj = epsg(VN2000_GEOGRAPHIC).orElseThrow(() -> new IllegalStateException("PostGIS has no EPSG:4756"));
        Matcher m = Pattern.compile("\\+towgs84=\\S+").matcher(proj);
        if (!m.find()) {
            throw new IllegalStateException("EPSG:4756 in PostGIS has no datum shift");
        }
        return m.group();
    }

    private static Map<String, Double> parameters(String wkt) {
        Map<String, Double> p = new HashMap<>();
        Matcher m = PARAMETER.matcher(wkt);
        while (m.find()) {
            p.put(m.group(1).toLowerCase(Locale.ROOT).replace(' ', '_'), Double.parseDouble(m.group(2)));
        }
        return p;
    }

    private static double first(Map<String, Double> p, String... names) {
        for (String n : names) {
            if (p.containsKey(n)) {
                return p.get(n);
            }
        }
        throw new BoundaryFileException("boundaries.error.projection", "no central meridian");
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
