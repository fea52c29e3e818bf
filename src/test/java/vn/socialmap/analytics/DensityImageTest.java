package vn.socialmap.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.ui.Palette;

/** The density image is painted between the two colours its legend shows. */
class DensityImageTest {

    @Test
    void theDensestCellIsTheLegendsHighAndTheFaintestItsLow() throws Exception {
        // one row: empty, the faintest, the densest
        var grid = new KernelDensity.Grid(105, 21, 105.003, 21.001, 3, 1, 100, 500, 10, new double[] {0, 1e-12, 4});
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(DensityService.png(grid)));

        assertThat(image.getRGB(0, 0) >>> 24).as("an empty cell stays clear").isZero();
        assertThat(hex(image.getRGB(1, 0))).isEqualTo(Palette.DENSITY_LOW);
        assertThat(hex(image.getRGB(2, 0))).isEqualTo(Palette.DENSITY_HIGH);
    }

    private static String hex(int argb) {
        return String.format("#%06x", argb & 0xffffff);
    }
}
