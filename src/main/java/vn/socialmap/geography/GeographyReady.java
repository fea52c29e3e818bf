package vn.socialmap.geography;

import org.springframework.context.ApplicationEvent;

/** Published at start-up once the administrative units are loaded, before the app takes requests. */
public class GeographyReady extends ApplicationEvent {

    public GeographyReady(Object source) {
        super(source);
    }
}
