package vn.socialmap.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * How the views look is the theme's (styles.css); the colours data are drawn in are the
 * {@link Palette}'s. A view may set only a custom property inline (a data colour the theme
 * paints with), never a style of its own nor a colour literal.
 */
class InlineStylesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STYLE_SET = Pattern.compile("getStyle\\(\\)\\s*\\.set\\(\\s*\"(?!--)");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("setAttribute\\(\\s*\"style\"");
    private static final Pattern COLOUR = Pattern.compile("\"#[0-9a-fA-F]{3,8}\"|\"rgba?\\((?!0,\\s*0,\\s*0,\\s*0\\))");

    @Test
    void viewsSetNoStyleOfTheirOwn() throws IOException {
        assertThat(offending(STYLE_SET, null)).as("styles set inline: a class of the theme instead").isEmpty();
        assertThat(offending(STYLE_ATTRIBUTE, null)).as("style attributes: a class of the theme instead").isEmpty();
    }

    @Test
    void everyDataColourIsThePalettes() throws IOException {
        assertThat(offending(COLOUR, SOURCES.resolve("vn/socialmap/base/ui/Palette.java")))
                .as("colour literals outside the palette").isEmpty();
    }

    private static List<String> offending(Pattern pattern, Path allowed) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(allowed)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
