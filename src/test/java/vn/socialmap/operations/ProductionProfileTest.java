package vn.socialmap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The production profile as Spring reads it, on top of the defaults: no demo data or demo
 * accounts even when SOCIALMAP_DEMO is set by mistake, secure session cookies, proxy headers
 * for HTTPS, JSON logs; and the compose file runs the application with it.
 */
class ProductionProfileTest {

    @Test
    void theProductionProfileTurnsDemoOffAndCookiesSecure() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        var loader = new YamlPropertySourceLoader();
        // the profile's file wins over application.yml, as Spring Boot orders them
        loader.load("prod", new ClassPathResource("application-prod.yml")).forEach(environment.getPropertySources()::addLast);
        loader.load("default", new ClassPathResource("application.yml")).forEach(environment.getPropertySources()::addLast);
        Binder binder = Binder.get(environment);

        assertThat(binder.bind("socialmap.demo.enabled", Boolean.class).get()).isFalse();
        assertThat(binder.bind("server.servlet.session.cookie.secure", Boolean.class).get()).isTrue();
        assertThat(binder.bind("server.servlet.session.cookie.http-only", Boolean.class).get()).isTrue();
        assertThat(binder.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("native");
        assertThat(binder.bind("logging.structured.format.console", String.class).get()).isEqualTo("ecs");

        String compose = Files.readString(Path.of("docker/compose.yml"));
        assertThat(compose).contains("SPRING_PROFILES_ACTIVE: prod").contains("postgis/postgis")
                .contains("SOCIALMAP_ADMIN_PASSWORD").doesNotContain("SOCIALMAP_DEMO");
    }
}
