package vn.socialmap.analytics;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.socialmap.facilities.FacilityService;
import vn.socialmap.facilities.FacilityType;
import vn.socialmap.geography.ThematicLayer;
import vn.socialmap.security.CurrentUser;

/**
 * Kernel density of residences (people holding a status on a date, in the caller's area;
 * the read is audited by the status layer) or of reported hotspots. Only roles that may see
 * persons get it: a density surface of a few people shows where they live.
 */
@Service
public class DensityService {

    public enum Source implements vn.socialmap.base.web.ApiValue {
        RESIDENCES, HOTSPOTS
    }

    private final List<ThematicLayer> layers;
    private final FacilityService facilities;
    private final CurrentUser currentUser;

    DensityService(List<ThematicLayer> layers, FacilityService facilities, CurrentUser currentUser) {
        this.layers = layers;
        this.facilities = facilities;
        this.currentUser = currentUser;
    }

    public KernelDensity.Grid density(String provinceCode, Source source, String status, LocalDate date, double cellMeters,
                                      double bandwidthMeters) {
        if (!currentUser.scope().seesPersons()) {
            throw new AccessDeniedException("Role " + currentUser.scope().role() + " may not see where people live");
        }
        List<double[]> points = switch (source) {
            case RESIDENCES -> layers.stream().filter(l -> l.id().equals("status")).findFirst().orElseThrow()
                    .points(status, provinceCode, date);
            case HOTSPOTS -> facilities.find(new FacilityService.Query(provinceCode, List.of(FacilityType.HOTSPOT), null, null, null))
                    .stream().map(f -> new double[] {f.getLocation().getX(), f.getLocation().getY()}).toList();
        };
        return KernelDensity.estimate(points, cellMeters, bandwidthMeters);
    }

    /** The ends of the surface's colours, as the legend shows them. */
    private static final int LOW = Integer.parseInt(vn.socialmap.base.ui.Palette.DENSITY_LOW.substring(1), 16);
    private static final int HIGH = Integer.parseInt(vn.socialmap.base.ui.Palette.DENSITY_HIGH.substring(1), 16);

    /** The colour a share t of the way from one RGB colour to another. */
    static int between(int from, int to, double t) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = from >> shift & 0xff;
            int b = to >> shift & 0xff;
            rgb |= (int) Math.round(a + (b - a) * t) << shift;
        }
        return rgb;
    }

    /** The grid as a transparent PNG, yellow to dark red, for an image overlay on the map; empty cells stay clear. */
    public static byte[] png(KernelDensity.Grid grid) {
        BufferedImage image = new BufferedImage(grid.columns(), grid.rows(), BufferedImage.TYPE_INT_ARGB);
        double max = grid.max();
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.columns(); col++) {
                double v = grid.values()[row * grid.columns() + col];
                if (v <= 0 || max <= 0) {
                    continue;
                }
                double t = Math.sqrt(v / max);
                int alpha = (int) Math.round(90 + 140 * t);
                image.setRGB(col, row, alpha << 24 | between(LOW, HIGH, t));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
