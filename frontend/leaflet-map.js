// A thin Leaflet map element for Vaadin: GeoJSON layers styled per feature, tooltips and
// popups built on the server, and clicks reported back as DOM events. Light DOM (no
// shadow root) so that Leaflet's global stylesheet applies.
import L from './leaflet-global.js';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import {UnitTiles} from './unit-tiles.js';

/**
 * A tooltip's text as a node, line by line ("\n"), so that whatever it holds is shown as text,
 * never read as HTML.
 */
function textOf(text) {
  const span = document.createElement('span');
  String(text).split('\n').forEach((line, i) => {
    if (i > 0) {
      span.appendChild(document.createElement('br'));
    }
    span.appendChild(document.createTextNode(line));
  });
  return span;
}

class SmLeafletMap extends HTMLElement {
  constructor() {
    super();
    this._layers = new Map();
    this._pendingBounds = null;
    this._base = null;
  }

  connectedCallback() {
    this._ensureMap();
  }

  disconnectedCallback() {
    // Vaadin may detach and re-attach the element (navigation); keep the map alive.
  }

  _ensureMap() {
    if (this.map) {
      return this.map;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    const container = document.createElement('div');
    container.className = 'sm-leaflet-container';
    container.style.position = 'absolute';
    container.style.inset = '0';
    this.appendChild(container);
    container.style.background = 'var(--sm-map-background, #eef2f5)';
    this.map = L.map(container, {zoomControl: true, attributionControl: true, zoomSnap: 0.25, minZoom: 4, maxZoom: 19})
      .setView([21.03, 105.85], 10);
    this.map.attributionControl.setPrefix(false);
    this.map.on('click', (e) => {
      const hit = this._tiledUnitAt(e.latlng);
      if (hit) {
        const popup = hit.layer._units[hit.code]._popup;
        if (popup) {
          L.popup({minWidth: 200, maxWidth: 320}).setLatLng(e.latlng).setContent(popup).openOn(this.map);
        }
        this._fire('sm-feature-click', {layer: hit.id, id: hit.code});
      } else {
        this._fire('sm-map-click', {lat: e.latlng.lat, lng: e.latlng.lng});
      }
    });
    this.map.on('mousemove', (e) => this._tiledLayers().forEach(([, layer]) => layer.hover(e.latlng)));
    // fitBounds before the element has a size leaves the map fully zoomed out: wait for one.
    this._resizeObserver = new ResizeObserver(() => {
      this.map.invalidateSize();
      if (this._pendingBounds && this._hasSize()) {
        const b = this._pendingBounds;
        this._pendingBounds = null;
        this.map.fitBounds(b, {padding: [16, 16], animate: false});
        this._runAfterFit();
      }
    });
    this._resizeObserver.observe(this);
    return this.map;
  }

  _hasSize() {
    return this.clientWidth > 0 && this.clientHeight > 0;
  }

  _fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, {detail, bubbles: true}));
  }

  /** Basemap tiles; an empty url removes them (plain background, works offline). */
  setBaseLayer(url, attribution) {
    const map = this._ensureMap();
    if (this._base) {
      map.removeLayer(this._base);
      this._base = null;
    }
    if (url) {
      this._base = L.tileLayer(url, {attribution: attribution || '', maxZoom: 19}).addTo(map);
      this._base.bringToBack();
    }
  }

  /**
   * Adds or replaces a GeoJSON layer. options: {style, hoverStyle, dataAttributes: [property...],
   * zIndex}. A feature's properties may carry _style (merged over style), _tooltip (text, written
   * as text whatever it holds) and _popup (HTML, escaped by the server).
   */
  setGeoJsonLayer(id, geojson, options) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
    const opts = (typeof options === 'string' ? JSON.parse(options) : options) || {};
    const baseStyle = opts.style || {};
    const styleOf = (f) => Object.assign({}, baseStyle, (f.properties && f.properties._style) || {});
    const pane = this._pane(opts.zIndex);
    const layer = L.geoJSON(data, {
      pane,
      attribution: opts.attribution || undefined,
      // a non-interactive layer lets clicks through to the map (e.g. to pick a location)
      interactive: baseStyle.interactive !== false,
      style: styleOf,
      onEachFeature: (feature, featureLayer) => {
        const p = feature.properties || {};
        if (p._tooltip) {
          featureLayer.bindTooltip(textOf(p._tooltip), {sticky: true, direction: 'top'});
        }
        if (p._popup) {
          featureLayer.bindPopup(p._popup, {minWidth: 200, maxWidth: 320});
        }
        featureLayer.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          this._fire('sm-feature-click', {layer: id, id: String(feature.id ?? p.code ?? '')});
        });
        if (opts.hoverStyle) {
          featureLayer.on('mouseover', () => featureLayer.setStyle(opts.hoverStyle));
          featureLayer.on('mouseout', () => featureLayer.setStyle(styleOf(feature)));
        }
        featureLayer.on('add', () => {
          const el = featureLayer.getElement && featureLayer.getElement();
          if (el) {
            el.setAttribute('data-layer', id);
            (opts.dataAttributes || []).forEach((name) => {
              if (p[name] !== undefined && p[name] !== null) {
                el.setAttribute('data-' + name.toLowerCase(), String(p[name]));
              }
            });
          }
        });
      }
    });
    layer.addTo(map);
    this._layers.set(id, layer);
    this.setAttribute('data-layer-' + id, String(data.features ? data.features.length : 0));
  }

  /**
   * Adds or replaces a layer of units drawn from vector tiles (see unit-tiles.js). units:
   * code -> properties as a GeoJSON feature's (_style, _tooltip, _popup); options as for
   * GeoJSON layers. data-layer-{id} counts the units, data-drawn-{id} those drawn so far.
   */
  setTileLayer(id, url, sourceLayer, units, options) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const byCode = typeof units === 'string' ? JSON.parse(units) : units;
    const opts = (typeof options === 'string' ? JSON.parse(options) : options) || {};
    const layer = new UnitTiles(url, sourceLayer, byCode, {pane: this._pane(opts.zIndex ?? 400), style: opts.style,
      attribution: opts.attribution || undefined,
      hoverStyle: opts.hoverStyle, onTileLoaded: (drawn) => this.setAttribute('data-drawn-' + id, String(drawn))});
    layer.addTo(map);
    this._layers.set(id, layer);
    this.setAttribute('data-layer-' + id, String(Object.keys(byCode).length));
  }

  _tiledLayers() {
    return [...this._layers.entries()].filter(([, layer]) => layer instanceof UnitTiles);
  }

  _tiledUnitAt(latlng) {
    for (const [id, layer] of this._tiledLayers().reverse()) {
      const code = layer.codeAt(latlng);
      if (code) {
        return {id, layer, code};
      }
    }
    return null;
  }

  /** The unit of a tiled layer at a point and the colour drawn there ([r, g, b, a]): for tests. */
  tiledUnitAt(id, lat, lng) {
    const layer = this._layers.get(id);
    if (!(layer instanceof UnitTiles)) {
      return null;
    }
    const latlng = L.latLng(lat, lng);
    const code = layer.codeAt(latlng);
    const point = this.map.project(latlng, layer._tileZoom);
    const coords = point.unscaleBy(layer.getTileSize()).floor();
    coords.z = layer._tileZoom;
    const tile = layer._tiles[layer._tileCoordsToKey(coords)];
    if (!tile) {
      return {code, color: null};
    }
    const local = point.subtract(coords.scaleBy(layer.getTileSize()));
    const ratio = tile.el.width / layer.getTileSize().x;
    const pixel = tile.el.getContext('2d').getImageData(Math.floor(local.x * ratio), Math.floor(local.y * ratio), 1, 1).data;
    return {code, color: Array.from(pixel)};
  }

  /**
   * Adds or replaces a layer of points ([lon, lat] pairs) drawn as small circles, clustered
   * at low zoom so that no single residence stands out on a city-wide view.
   */
  setPointLayer(id, points, options) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const data = typeof points === 'string' ? JSON.parse(points) : points;
    const opts = (typeof options === 'string' ? JSON.parse(options) : options) || {};
    const group = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 17,
      chunkedLoading: true});
    const style = Object.assign({pane: this._pane(550), radius: 4, color: '#8b0000', weight: 1, fillColor: '#d62728',
      fillOpacity: 0.8}, opts.style || {});
    group.addLayers(data.map((p) => L.circleMarker([p[1], p[0]], style)));
    group.addTo(map);
    this._layers.set(id, group);
    this.setAttribute('data-layer-' + id, String(data.length));
  }

  /**
   * Adds or replaces a layer of point features (GeoJSON) drawn as circles of one colour,
   * clustered at low zoom; popups and tooltips come from _popup/_tooltip properties and
   * clicks are reported like those of other layers.
   */
  setMarkerLayer(id, geojson, options) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const data = typeof geojson === 'string' ? JSON.parse(geojson) : geojson;
    const opts = (typeof options === 'string' ? JSON.parse(options) : options) || {};
    const color = opts.color || '#333';
    const group = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40, disableClusteringAtZoom: 14,
      iconCreateFunction: (cluster) => L.divIcon({
        html: '<div style="background:' + color + '"><span>' + cluster.getChildCount() + '</span></div>',
        className: 'marker-cluster sm-cluster sm-cluster-' + id, iconSize: L.point(36, 36)})});
    // Above the unit shapes, so that a click on a marker reaches it.
    const pane = this._pane(600);
    const points = L.geoJSON(data, {
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, {pane, radius: 7, color: '#fff', weight: 2,
        fillColor: color, fillOpacity: 0.95}),
      onEachFeature: (feature, featureLayer) => {
        const p = feature.properties || {};
        if (p._tooltip) {
          featureLayer.bindTooltip(textOf(p._tooltip), {direction: 'top'});
        }
        if (p._popup) {
          featureLayer.bindPopup(p._popup, {minWidth: 220, maxWidth: 340});
        }
        featureLayer.on('click', () => this._fire('sm-feature-click', {layer: id, id: String(feature.id ?? '')}));
        featureLayer.on('add', () => {
          const el = featureLayer.getElement && featureLayer.getElement();
          if (el) {
            el.setAttribute('data-layer', id);
            el.setAttribute('data-id', String(feature.id ?? ''));
          }
        });
      }
    });
    group.addLayer(points);
    group.addTo(map);
    this._layers.set(id, group);
    this.setAttribute('data-layer-' + id, String(data.features ? data.features.length : 0));
  }

  /** Circles of a radius in metres around points ([lon, lat] pairs): service catchments. */
  setCircleLayer(id, points, radiusMeters, color) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const data = typeof points === 'string' ? JSON.parse(points) : points;
    const group = L.layerGroup(data.map((p) => L.circle([p[1], p[0]], {pane: this._pane(420), radius: radiusMeters,
      color: color, weight: 1, fillColor: color, fillOpacity: 0.12, interactive: false})));
    group.addTo(map);
    this._layers.set(id, group);
    this.setAttribute('data-layer-' + id, String(data.length));
  }

  /**
   * Names written on the map at their points, shown only from minZoom on (a city-wide view of
   * 126 names would be unreadable). labels: [[longitude, latitude, text], ...]; text stays text.
   */
  setLabelLayer(id, labels, minZoom) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const data = typeof labels === 'string' ? JSON.parse(labels) : labels;
    const pane = this._pane(620);
    const names = L.layerGroup(data.map(([lng, lat, text]) => {
      const node = document.createElement('span');
      node.textContent = text;
      return L.tooltip({permanent: true, direction: 'center', className: 'sm-unit-label', pane, interactive: false})
        .setLatLng([lat, lng]).setContent(node);
    }));
    const group = L.layerGroup();
    const update = () => {
      const show = map.getZoom() >= minZoom;
      if (show && !group.hasLayer(names)) {
        group.addLayer(names);
      } else if (!show && group.hasLayer(names)) {
        group.removeLayer(names);
      }
      this.setAttribute('data-labels-' + id, show ? String(data.length) : '0');
    };
    group.on('add', () => { map.on('zoomend', update); update(); });
    group.on('remove', () => map.off('zoomend', update));
    group.addTo(map);
    this._layers.set(id, group);
  }

  /** An image over a rectangle of the map (a density raster); pixels stay sharp when zoomed in. */
  setImageLayer(id, url, south, west, north, east, opacity) {
    const map = this._ensureMap();
    this.removeLayer(id);
    const layer = L.imageOverlay(url, [[south, west], [north, east]],
      {pane: this._pane(410), opacity: opacity, interactive: false, className: 'sm-image-layer'});
    layer.addTo(map);
    this._layers.set(id, layer);
    this.setAttribute('data-layer-' + id, '1');
  }

  _pane(zIndex) {
    if (zIndex === undefined || zIndex === null) {
      return 'overlayPane';
    }
    const name = 'sm-pane-' + zIndex;
    if (!this.map.getPane(name)) {
      this.map.createPane(name).style.zIndex = String(zIndex);
    }
    return name;
  }

  removeLayer(id) {
    const layer = this._layers.get(id);
    if (layer) {
      this._ensureMap().removeLayer(layer);
      this._layers.delete(id);
      this.removeAttribute('data-layer-' + id);
      this.removeAttribute('data-drawn-' + id);
      this.removeAttribute('data-labels-' + id);
    }
  }

  fitBounds(south, west, north, east) {
    const bounds = L.latLngBounds([south, west], [north, east]);
    if (this._hasSize()) {
      this._ensureMap().fitBounds(bounds, {padding: [16, 16], animate: false});
      this._runAfterFit();
    } else {
      this._pendingBounds = bounds;
    }
  }

  _runAfterFit() {
    const actions = this._afterFit || [];
    this._afterFit = [];
    actions.forEach((action) => action());
  }

  /** Opens the popup of one feature of a layer, as a click on it would. */
  openPopup(layerId, featureId) {
    const layer = this._layers.get(layerId);
    if (!layer) {
      return;
    }
    layer.eachLayer((featureLayer) => {
      const f = featureLayer.feature;
      if (f && String(f.id ?? f.properties.code) === String(featureId) && featureLayer.getPopup()) {
        // Open after a pending fit, or the fit would move the map away from the popup.
        if (this._pendingBounds) {
          (this._afterFit = this._afterFit || []).push(() => featureLayer.openPopup());
        } else {
          featureLayer.openPopup();
        }
      }
    });
  }
}

if (!customElements.get('sm-leaflet-map')) {
  customElements.define('sm-leaflet-map', SmLeafletMap);
}
