// Administrative units drawn from the server's Mapbox vector tiles on canvas, for layers with
// too many units to send as GeoJSON. The tiles carry shapes and each unit's `code`; styles,
// tooltips and popups come from the server per code, so a recolouring sends a few kilobytes
// and the tiles stay in the browser's HTTP cache. Hit testing for hover and click runs on
// the decoded tile geometry (even-odd rule, so holes and multipolygons work).
import L from './leaflet-global.js';
import Pbf from 'pbf';
import {VectorTile} from '@mapbox/vector-tile';

const TILE_SIZE = 256;

function insideRings(rings, x, y) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if ((a.y > y) !== (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) {
        inside = !inside;
      }
    }
  }
  return inside;
}

export const UnitTiles = L.GridLayer.extend({
  /**
   * url: template with {z}/{x}/{y}, relative to the document's base; sourceLayer: the layer
   * name inside the tiles; units: code -> properties (_style, _tooltip, _popup, ...).
   */
  initialize(url, sourceLayer, units, options) {
    L.GridLayer.prototype.initialize.call(this, {pane: options.pane, tileSize: TILE_SIZE, updateWhenZooming: false,
      keepBuffer: 2, minZoom: 0, maxZoom: 19, attribution: options.attribution});
    this._url = url;
    this._sourceLayer = sourceLayer;
    this._units = units;
    this._baseStyle = options.style || {};
    this._hoverStyle = options.hoverStyle || null;
    this._hovered = null;
    this._drawn = new Set();
    this._onTileLoaded = options.onTileLoaded || (() => {});
  },

  createTile(coords, done) {
    const tile = L.DomUtil.create('canvas', 'sm-unit-tile');
    const ratio = window.devicePixelRatio || 1;
    tile.width = TILE_SIZE * ratio;
    tile.height = TILE_SIZE * ratio;
    const url = new URL(L.Util.template(this._url, {z: coords.z, x: coords.x, y: coords.y}), document.baseURI);
    fetch(url, {credentials: 'same-origin'})
      .then((response) => response.ok ? response.arrayBuffer() : Promise.reject(new Error('HTTP ' + response.status)))
      .then((buffer) => {
        tile._smFeatures = this._decode(buffer);
        this._draw(tile);
        done(null, tile);
        this._onTileLoaded(this._drawn.size);
      })
      .catch((error) => done(error, tile));
    return tile;
  },

  _decode(buffer) {
    if (buffer.byteLength === 0) {
      return [];
    }
    const layer = new VectorTile(new Pbf(new Uint8Array(buffer))).layers[this._sourceLayer];
    const features = [];
    for (let i = 0; layer && i < layer.length; i++) {
      const f = layer.feature(i);
      if (f.type === 3) {
        features.push({code: String(f.properties.code), rings: f.loadGeometry(), extent: f.extent});
      }
    }
    return features;
  },

  _styleOf(code) {
    const unit = this._units[code];
    const style = Object.assign({color: '#3388ff', weight: 1, opacity: 1, fillColor: '#3388ff', fillOpacity: 0.2},
      this._baseStyle, (unit && unit._style) || {});
    return code === this._hovered && this._hoverStyle ? Object.assign(style, this._hoverStyle) : style;
  },

  _draw(tile) {
    const ctx = tile.getContext('2d');
    ctx.clearRect(0, 0, tile.width, tile.height);
    for (const f of tile._smFeatures || []) {
      if (!this._units[f.code]) {
        continue; // a neighbouring province's unit: not part of this layer
      }
      this._drawn.add(f.code);
      const style = this._styleOf(f.code);
      const scale = tile.width / f.extent;
      ctx.beginPath();
      for (const ring of f.rings) {
        ring.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x * scale, p.y * scale) : ctx.lineTo(p.x * scale, p.y * scale)));
        ctx.closePath();
      }
      if (style.fill !== false) {
        ctx.globalAlpha = style.fillOpacity;
        ctx.fillStyle = style.fillColor;
        ctx.fill('evenodd');
      }
      if (style.stroke !== false && style.weight > 0) {
        ctx.globalAlpha = style.opacity;
        ctx.strokeStyle = style.color;
        ctx.lineWidth = style.weight * (window.devicePixelRatio || 1);
        ctx.lineJoin = 'round';
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
    }
  },

  _redraw() {
    Object.values(this._tiles).forEach((t) => t.el._smFeatures && this._draw(t.el));
  },

  /** The unit code under a point of the map, or null. */
  codeAt(latlng) {
    if (!this._map || this._tileZoom === undefined) {
      return null;
    }
    const point = this._map.project(latlng, this._tileZoom);
    const coords = point.unscaleBy(this.getTileSize()).floor();
    coords.z = this._tileZoom;
    const tile = this._tiles[this._tileCoordsToKey(coords)];
    if (!tile || !tile.el._smFeatures) {
      return null;
    }
    const local = point.subtract(coords.scaleBy(this.getTileSize()));
    for (const f of tile.el._smFeatures) {
      const scale = f.extent / TILE_SIZE;
      if (this._units[f.code] && insideRings(f.rings, local.x * scale, local.y * scale)) {
        return f.code;
      }
    }
    return null;
  },

  /** The unit under the pointer: its hover style and tooltip. */
  hover(latlng) {
    const code = this.codeAt(latlng);
    if (code !== this._hovered) {
      this._hovered = code;
      if (this._hoverStyle) {
        this._redraw();
      }
    }
    const text = code && this._units[code]._tooltip;
    if (!text) {
      if (this._tooltip) {
        this._map.closeTooltip(this._tooltip);
        this._tooltip = null;
      }
      return;
    }
    const content = document.createElement('span');
    content.textContent = text;
    if (!this._tooltip) {
      this._tooltip = L.tooltip({direction: 'top', offset: [0, -8], className: 'sm-unit-tile-tooltip'});
    }
    this._tooltip.setLatLng(latlng).setContent(content);
    if (!this._map.hasLayer(this._tooltip)) {
      this._map.openTooltip(this._tooltip);
    }
  },

  onRemove(map) {
    if (this._tooltip) {
      map.closeTooltip(this._tooltip);
      this._tooltip = null;
    }
    L.GridLayer.prototype.onRemove.call(this, map);
  }
});
