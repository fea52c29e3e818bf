package vn.socialmap.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

import vn.socialmap.audit.AuditAction;
import vn.socialmap.audit.AuditLog;
import vn.socialmap.security.ui.LoginView;

/**
 * Two filter chains. The API ({@code /api/**}) takes the browser session or HTTP Basic and
 * answers 401/403 with problem details, never a redirect to the login page. Everything
 * else is the Vaadin app behind its login view.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * The API's CSRF token for browser sessions lives in a cookie readable by scripts, so that
     * Swagger UI's "Try it out" can send it back in {@code X-XSRF-TOKEN} (springdoc's csrf
     * support); a cross-site page cannot read the cookie, which is what the protection needs.
     */
    private final CookieCsrfTokenRepository apiTokens = apiTokens();

    private static CookieCsrfTokenRepository apiTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    /**
     * Actuator: health (UP/DOWN) for load balancers and compose without signing in, its details
     * and the Prometheus metrics for the admin (HTTP Basic), the metrics also from the
     * monitoring networks of the settings. Nothing here creates a session.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementChain(HttpSecurity http, SecuritySettings settings) throws Exception {
        List<org.springframework.security.web.util.matcher.IpAddressMatcher> monitoring = settings.metricsNetworks().stream()
                .map(org.springframework.security.web.util.matcher.IpAddressMatcher::new).toList();
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new org.springframework.security.authorization.AuthorizationDecision(
                                        monitoring.stream().anyMatch(m -> m.matches(context.getRequest()))
                                                || isAdmin(authentication.get())))
                        .anyRequest().hasRole(Role.ADMIN_NAME))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // read-only endpoints, no session
                .build();
    }

    private static boolean isAdmin(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.ADMIN_NAME).equals(a.getAuthority()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuditLog audit) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().access((authentication, context) ->
                        new org.springframework.security.authorization.AuthorizationDecision(
                                authentication.get().getPrincipal() instanceof AppUser user && !user.mustChangePassword())))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()).accessDeniedHandler(denied(audit)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // A request that carries a session (a browser's cookie) needs the token, whatever other header it
                // sends; one without a session (a script with Basic, or nobody) can only be authenticated by its
                // own header, which another site cannot make a browser send
                .csrf(c -> c.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && request.getRequestedSessionId() != null)
                        .csrfTokenRepository(apiTokens)
                        // the header carries the cookie's value as it is (no per-request masking)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain appChain(HttpSecurity http) throws Exception {
        // /error: Spring Boot's page for an answer outside the screens (an address that is no screen is refused
        // 403 by Vaadin's configurer); without it the browser shows its own English "HTTP ERROR 403"
        http.authorizeHttpRequests(a -> a.requestMatchers("/error").permitAll()
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                .requestMatchers("/swagger-ui/**", "/swagger-ui.html").authenticated());
        // Swagger UI's page hands out the API's token cookie before its first "Try it out"
        http.addFilterAfter(new ApiTokenCookie(apiTokens), AuthorizationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** Sets the API's CSRF cookie when Swagger UI's page is opened by a signed-in user without one. */
    private static final class ApiTokenCookie extends OncePerRequestFilter {

        private final CookieCsrfTokenRepository tokens;

        ApiTokenCookie(CookieCsrfTokenRepository tokens) {
            this.tokens = tokens;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return !path.startsWith("/swagger-ui");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (tokens.loadToken(request) == null) {
                tokens.saveToken(tokens.generateToken(request), request, response);
            }
            chain.doFilter(request, response);
        }
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (e instanceof org.springframework.security.authentication.AuthenticationServiceException
                    || vn.socialmap.base.DatabaseOutage.isCause(e)) {
                // the credentials could not be checked (the database is away): not the caller's fault
                org.slf4j.LoggerFactory.getLogger(SecurityConfiguration.class).warn("Credentials not checked: {}",
                        rootCause(e).getClass().getName());
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                problem(response, 503, "Temporarily unavailable",
                        "The database is temporarily unavailable; nothing was changed. Try again in a few seconds.");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"socialmap\"");
            problem(response, 401, "Unauthorized", "Sign in: HTTP Basic or the application's session.");
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static AccessDeniedHandler denied(AuditLog audit) {
        return (request, response, e) -> {
            audit.record(AuditAction.DENIED, "api", List.of(), null, request.getMethod() + " " + pathOf(request));
            problem(response, 403, "Forbidden", "Your role does not allow this request.");
        };
    }

    private static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
