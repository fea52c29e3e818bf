package vn.socialmap.base.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters of the API with control characters (a NUL byte, which PostgreSQL refuses
 * in text) are answered 400 before anything reads them, instead of failing deep inside.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiInputGuard extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean bad = hasControl(parameter.getKey());
            for (String value : parameter.getValue()) {
                bad |= hasControl(value);
            }
            if (bad) {
                String name = parameter.getKey().replaceAll("\\p{Cntrl}", "?");
                response.setStatus(400);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"A query parameter holds a control character.\",\"invalidParams\":[{\"name\":\""
                        + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"reason\":\"control character\"}]}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Control characters but tab and line breaks. */
    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
