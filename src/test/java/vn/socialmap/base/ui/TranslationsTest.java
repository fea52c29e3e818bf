package vn.socialmap.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.socialmap.base.ui.i18n.Translations;

/** Every UI string exists in Vietnamese and English, and every key the code asks for exists. */
class TranslationsTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9_.]+)\"\\s*[,)]");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("vi").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTheCodeIsTranslated() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(load("vi").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyEnumShownInTheUiIsTranslated() throws IOException {
        Set<String> keys = load("vi").stringPropertyNames();
        for (var action : vn.socialmap.audit.AuditAction.values()) {
            assertThat(keys).contains("audit.action." + action.name());
        }
        for (var role : vn.socialmap.security.Role.values()) {
            assertThat(keys).contains("role." + role.name());
        }
        for (var status : vn.socialmap.cases.PathStatus.values()) {
            assertThat(keys).contains("status." + status.name());
        }
        for (var type : vn.socialmap.cases.EventType.values()) {
            assertThat(keys).contains("event." + type.name());
            type.requiredDetails().forEach(field -> assertThat(keys).contains("detail." + field));
        }
    }

    /** Rule messages: every key a ValidationException or a path rule can carry has a text. */
    @Test
    void everyRuleMessageIsTranslated() throws IOException {
        Pattern exceptionKey = Pattern.compile("(?:ValidationException|ConflictException)\\([^;]*?\"([a-z]+\\.error\\.[a-zA-Z.]+)\"");
        Pattern ruleKey = Pattern.compile("(?:Violation\\(e, |, e, )\"([a-z.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher m = exceptionKey.matcher(code);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher r = ruleKey.matcher(code);
                while (r.find()) {
                    used.add("event.rule." + r.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(40);
        assertThat(load("vi").stringPropertyNames()).containsAll(used);
        assertThat(load("en").stringPropertyNames()).containsAll(used);
    }

    @Test
    void vietnameseIsTheDefault() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("nav.map", Locale.GERMAN)).isEqualTo("Bản đồ");
        assertThat(translations.getTranslation("nav.map", Locale.ENGLISH)).isEqualTo("Map");
        assertThat(translations.getTranslation("map.list.districts", Locale.of("vi"), 30)).isEqualTo("Quận, huyện, thị xã (30)");
    }

    private static Properties load(String language) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations_" + language + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
