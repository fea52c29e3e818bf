package vn.socialmap.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The theme is one hand-written file that several changes append to: a brace lost in a merge
 * silently disables every rule after it (the browser reads them as part of the open block).
 */
class StylesheetTest {

    @Test
    void everyBlockOfTheThemeIsClosedWhereItShouldBe() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/styles.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "");
        java.util.Deque<String> open = new java.util.ArrayDeque<>();
        StringBuilder selector = new StringBuilder();
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            }
            if (c == '{') {
                // only an at-rule (@media) holds rules: a rule inside a rule means one was left open
                assertThat(open.isEmpty() || open.peek().startsWith("@"))
                        .as("a rule opened inside '%s' at line %d: a brace is missing", open.peek(), line).isTrue();
                open.push(selector.toString().strip());
                selector.setLength(0);
            } else if (c == '}') {
                assertThat(open).as("a block closed twice at line %d", line).isNotEmpty();
                open.pop();
                selector.setLength(0);
            } else if (c == ';') {
                selector.setLength(0);
            } else {
                selector.append(c);
            }
        }
        int depth = open.size();
        assertThat(depth).as("blocks left open at the end").isZero();
    }
}
