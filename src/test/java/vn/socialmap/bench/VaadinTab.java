package vn.socialmap.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab of the Vaadin application, spoken to the way its client does: the init
 * request creates the UI, and every page is a navigation event sent to it, which renders the
 * view on the server. The server then holds a UI with the view shown, as it does for a
 * browser, so that its memory per session can be measured without browsers.
 */
final class VaadinTab {

    private static final Pattern KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(-?\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");

    private final HttpClient http;
    private final String base;
    private String key;
    private String uiId;
    private String syncId;
    private String clientId;
    private String lastResponse = "";

    VaadinTab(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    boolean isOpen() {
        return key != null;
    }

    /** Opens the application at a route (a new UI) and shows it. */
    void open(String route) throws Exception {
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=init&location="
                + URLEncoder.encode(route, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (init.statusCode() != 200) {
            throw new IllegalStateException("init -> " + init.statusCode());
        }
        key = find(KEY, init.body());
        uiId = find(UI_ID, init.body());
        syncId = find(SYNC_ID, init.body());
        clientId = find(CLIENT_ID, init.body());
        navigate(route);
    }

    /** Goes to another view in the same tab, as a click on a menu link does. */
    void navigate(String route) throws Exception {
        String message = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s","query":"",\
                "appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":%s,"clientId":%s}"""
                .formatted(key, route, syncId, clientId);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(message)).build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        lastResponse = body;
        if (r.statusCode() != 200 || body.contains("\"appError\"") || body.contains("\"sessionExpired\"")
                || body.contains("\"resynchronize\"")) {
            throw new IllegalStateException("navigate " + route + " -> " + r.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())));
        }
        syncId = find(SYNC_ID, body);
        clientId = find(CLIENT_ID, body);
    }

    /** The last navigation's answer: what the screen sent to the browser. */
    String lastResponse() {
        return lastResponse;
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern.pattern() + " in " + body.substring(0, Math.min(200, body.length())));
        }
        return m.group(1);
    }
}
