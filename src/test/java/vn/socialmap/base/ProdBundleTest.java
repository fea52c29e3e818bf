package vn.socialmap.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The committed production bundle holds one frontend build. It is zipped from target/, where the
 * files of earlier builds used to stay and went in with it (17 MB, 1,700 files, for 106).
 */
class ProdBundleTest {

    @Test
    void theCommittedBundleHoldsOneBuild() throws IOException {
        try (ZipFile bundle = new ZipFile(Path.of("src/main/bundles/prod.bundle").toFile())) {
            long builtFiles = bundle.stream().filter(e -> e.getName().startsWith("webapp/VAADIN/build/")).count();
            assertThat(builtFiles).isPositive().isLessThan(250);
        }
    }
}
