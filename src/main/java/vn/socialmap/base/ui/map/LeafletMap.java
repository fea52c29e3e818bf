package vn.socialmap.base.ui.map;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.ObjectMapper;

import vn.socialmap.base.geojson.GeoJson;

/**
 * The project's Leaflet map: GeoJSON layers, basemap tiles, feature clicks. Every map of
 * the product uses it. Tooltip and popup content travel as feature properties, translated on
 * the server: {@code _tooltip} is text and is shown as text whatever it holds (a unit's code
 * from an uploaded file included); {@code _popup} is HTML the server has escaped.
 */
@Tag("sm-leaflet-map")
@NpmPackage(value = "leaflet", version = "1.9.4")
@NpmPackage(value = "leaflet.markercluster", version = "1.5.3")
@NpmPackage(value = "pbf", version = "4.0.1")
@NpmPackage(value = "@mapbox/vector-tile", version = "2.0.4")
@JsModule("./leaflet-map.js")
public class LeafletMap extends Component implements HasSize {

    private final ObjectMapper json;

    public LeafletMap(ObjectMapper json) {
        this.json = json;
        setSizeFull();
    }

    /** Basemap tiles from {@code urlTemplate}; blank means none (a plain background). */
    public void setBaseLayer(String urlTemplate, String attribution) {
        getElement().callJsFunction("setBaseLayer", urlTemplate == null ? "" : urlTemplate,
                attribution == null ? "" : attribution);
    }

    public void setLayer(String id, GeoJson.FeatureCollection features, LayerOptions options) {
        getElement().callJsFunction("setGeoJsonLayer", id, json.writeValueAsString(features),
                json.writeValueAsString(options));
    }

    /**
     * Units drawn from vector tiles instead of GeoJSON, for layers of many units: the shapes
     * come from {@code urlTemplate} ({z}/{x}/{y}, relative to the application's root, layer
     * {@code sourceLayer} inside the tiles, joined on its {@code code} attribute) and only the
     * features' properties ({@code _style}, {@code _tooltip}, {@code _popup}) are sent; units
     * of the tiles without properties here are not drawn. Clicks are reported as for GeoJSON.
     */
    public void setTileLayer(String id, String urlTemplate, String sourceLayer, GeoJson.FeatureCollection features,
                             LayerOptions options) {
        Map<String, Object> byCode = new java.util.LinkedHashMap<>();
        features.features().forEach(f -> byCode.put(String.valueOf(f.id()), f.properties()));
        getElement().callJsFunction("setTileLayer", id, urlTemplate, sourceLayer, json.writeValueAsString(byCode),
                json.writeValueAsString(options));
    }

    /** Points as [longitude, latitude] pairs, clustered at low zoom. */
    public void setPointLayer(String id, java.util.List<double[]> points) {
        getElement().callJsFunction("setPointLayer", id, json.writeValueAsString(points), "{}");
    }

    /** Point features of one colour, clustered at low zoom, with their popups. */
    public void setMarkerLayer(String id, GeoJson.FeatureCollection features, String color) {
        getElement().callJsFunction("setMarkerLayer", id, json.writeValueAsString(features),
                json.writeValueAsString(java.util.Map.of("color", color)));
    }

    /** Circles of {@code radiusMeters} around the points ([longitude, latitude]). */
    public void setCircleLayer(String id, java.util.List<double[]> points, double radiusMeters, String color) {
        getElement().callJsFunction("setCircleLayer", id, json.writeValueAsString(points), radiusMeters, color);
    }

    /**
     * An image stretched over a longitude/latitude rectangle (a raster such as a density
     * surface), given as a data URL so that it needs no further request.
     */
    public void setImageLayer(String id, byte[] png, double west, double south, double east, double north, double opacity) {
        String url = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png);
        getElement().callJsFunction("setImageLayer", id, url, south, west, north, east, opacity);
    }

    public Registration addMapClickListener(ComponentEventListener<MapClickEvent> listener) {
        return addListener(MapClickEvent.class, listener);
    }

    /** Names written at points, shown from {@code minZoom} on; each label is [longitude, latitude, text]. */
    public void setLabelLayer(String id, java.util.List<Label> labels, int minZoom) {
        java.util.List<Object[]> rows = labels.stream().map(l -> new Object[] {l.longitude(), l.latitude(), l.text()}).toList();
        getElement().callJsFunction("setLabelLayer", id, json.writeValueAsString(rows), minZoom);
    }

    /** A name on the map. */
    public record Label(double longitude, double latitude, String text) {
    }

    public void removeLayer(String id) {
        getElement().callJsFunction("removeLayer", id);
    }

    public void fitBounds(Envelope envelope) {
        getElement().callJsFunction("fitBounds", envelope.getMinY(), envelope.getMinX(),
                envelope.getMaxY(), envelope.getMaxX());
    }

    public void openPopup(String layerId, String featureId) {
        getElement().callJsFunction("openPopup", layerId, featureId);
    }

    public Registration addFeatureClickListener(ComponentEventListener<FeatureClickEvent> listener) {
        return addListener(FeatureClickEvent.class, listener);
    }

    /**
     * How a layer is drawn: Leaflet path options ({@code color}, {@code weight},
     * {@code fillColor}, {@code fillOpacity}, {@code dashArray}), the style under the
     * pointer, the feature properties copied to {@code data-*} attributes of each shape
     * (for tests and styling), the layer's stacking order, and the credit shown in the map's
     * corner while the layer is on (the publisher of the boundaries drawn).
     */
    public record LayerOptions(Map<String, Object> style, Map<String, Object> hoverStyle,
                               List<String> dataAttributes, Integer zIndex, String attribution) {

        public LayerOptions(Map<String, Object> style, Map<String, Object> hoverStyle, List<String> dataAttributes,
                            Integer zIndex) {
            this(style, hoverStyle, dataAttributes, zIndex, null);
        }

        /** The same drawing with a credit line. */
        public LayerOptions withAttribution(String text) {
            return new LayerOptions(style, hoverStyle, dataAttributes, zIndex, text);
        }
    }

    /** A click on the map (not on a feature), in WGS84. */
    @DomEvent("sm-map-click")
    public static class MapClickEvent extends ComponentEvent<LeafletMap> {
        private final double latitude;
        private final double longitude;

        public MapClickEvent(LeafletMap source, boolean fromClient,
                             @EventData("event.detail.lat") double latitude,
                             @EventData("event.detail.lng") double longitude) {
            super(source, fromClient);
            this.latitude = latitude;
            this.longitude = longitude;
        }

        public double getLatitude() {
            return latitude;
        }

        public double getLongitude() {
            return longitude;
        }
    }

    @DomEvent("sm-feature-click")
    public static class FeatureClickEvent extends ComponentEvent<LeafletMap> {
        private final String layer;
        private final String featureId;

        public FeatureClickEvent(LeafletMap source, boolean fromClient,
                                 @EventData("event.detail.layer") String layer,
                                 @EventData("event.detail.id") String featureId) {
            super(source, fromClient);
            this.layer = layer;
            this.featureId = featureId;
        }

        public String getLayer() {
            return layer;
        }

        public String getFeatureId() {
            return featureId;
        }
    }
}
