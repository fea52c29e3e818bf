package vn.socialmap.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.socialmap.base.ui.MapSettings;

/**
 * The browser protections on every answer, whichever security chain (or none) serves it: a
 * Content-Security-Policy that Vaadin and Leaflet work with, no type sniffing, no referrer to
 * other sites, no framing; and pages and API answers (people's data) kept by no cache unless
 * the answer says otherwise (tiles do). Static files of the build keep their own caching.
 * Vaadin's security configuration replaces Spring Security's header writers on its chain,
 * hence a filter of its own ahead of every chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class BrowserProtections extends OncePerRequestFilter {

    private static final Set<String> STATIC_SUFFIXES = Set.of(".js", ".css", ".png", ".svg", ".ico", ".woff", ".woff2",
            ".ttf", ".webmanifest", ".map", ".json");

    private final String policy;

    BrowserProtections(MapSettings map) {
        this.policy = policy(map);
    }

    /**
     * The policy Vaadin and the map work with: Vaadin's client engine starts from an inline script
     * and evaluates what the server sends ('unsafe-inline' 'unsafe-eval', as its documentation
     * requires), Lumo sets inline styles; everything else comes from this origin, images also from
     * the basemap's tile server when one is set.
     */
    static String policy(MapSettings map) {
        String tiles = "";
        if (map != null && map.hasTiles()) {
            java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://[^/]+)").matcher(map.tileUrl().strip());
            tiles = origin.find() ? " " + origin.group(1).replace("{s}", "*") : "";
        }
        return "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:" + tiles + "; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (!isStatic(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        }
        chain.doFilter(request, response);
    }

    private static boolean isStatic(String path) {
        if (path.startsWith("/VAADIN/") || path.startsWith("/icons/") || path.startsWith("/images/")) {
            return true;
        }
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && STATIC_SUFFIXES.contains(path.substring(dot));
    }
}
