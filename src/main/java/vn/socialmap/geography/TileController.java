package vn.socialmap.geography;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hibernate.validator.constraints.Range;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.socialmap.base.VietnamTime;
import vn.socialmap.base.web.ApiValue;
import vn.socialmap.base.web.InvalidRequestException;

@RestController
@Tag(name = "Vector tiles", description = "Mapbox vector tiles of administrative units and per-unit aggregates")
class TileController {

    static final MediaType MVT = MediaType.parseMediaType("application/vnd.mapbox-vector-tile");

    /** The unit layers tiles are cut from, as the path names them. */
    enum TileLayer implements ApiValue {
        DISTRICTS(AdminLevel.DISTRICT), COMMUNES(AdminLevel.COMMUNE);

        private final AdminLevel level;

        TileLayer(AdminLevel level) {
            this.level = level;
        }
    }

    private final VectorTiles tiles;
    private final VietnamTime time;

    TileController(VectorTiles tiles, VietnamTime time) {
        this.tiles = tiles;
        this.time = time;
    }

    @GetMapping("/api/v1/tiles/{layer}/{z}/{x}/{y}.mvt")
    @Operation(summary = "A vector tile (z/x/y, Web Mercator) of districts or communes",
            description = "layer = districts or communes: the units in force on `unitsAsOf` (default `date`, else today;"
                    + " no districts from 1 July 2025), each with its `structure` and `code`. With"
                    + " theme=status&variant=ON_RECORD&date=YYYY-MM-DD each unit carries `value` (the people holding the"
                    + " status on the date, suppressed for roles without person access). Tiles carry an ETag and"
                    + " Cache-Control; If-None-Match gives 304.")
    ResponseEntity<byte[]> tile(@Parameter(example = "communes") @PathVariable TileLayer layer,
                                @Parameter(example = "10") @PathVariable @Range(min = 0, max = 22) int z,
                                @Parameter(example = "812") @PathVariable int x,
                                @Parameter(example = "454") @PathVariable int y,
                                @Parameter(example = "status") @RequestParam(required = false) String theme,
                                @Parameter(example = "ON_RECORD") @RequestParam(required = false) String variant,
                                @Parameter(example = "2023-06-30") @RequestParam(required = false) LocalDate date,
                                @Parameter(description = "the date whose units are drawn (its structure); default: date, else today",
                                        example = "2022-06-30") @RequestParam(required = false) LocalDate unitsAsOf,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        AdminLevel level = layer.level;
        long size = 1L << z;
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new InvalidRequestException("x", "x and y must be from 0 to " + (size - 1) + " at zoom " + z);
        }
        VectorTiles.Theme chosen = null;
        if (theme != null || variant != null) {
            if (theme == null || variant == null || !tiles.knowsTheme(theme, variant)) {
                throw new InvalidRequestException("theme", "theme and variant must name a data layer, e.g. theme=status&variant=ON_RECORD");
            }
            chosen = new VectorTiles.Theme(theme, variant, date == null ? time.today() : date);
        }
        LocalDate shown = unitsAsOf != null ? unitsAsOf : date != null ? date : time.today();
        byte[] body = tiles.tile(level, z, x, y, chosen, shown);
        String etag = "\"" + sha256(body) + "\"";
        // private: tiles with values depend on who asks; shapes change rarely, values daily
        CacheControl cache = chosen == null ? CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate()
                : CacheControl.maxAge(5, TimeUnit.MINUTES).cachePrivate();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MVT).eTag(etag).cacheControl(cache).body(body);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
