// Leaflet plugins (markercluster) expect a global L: set it before they load.
import L from 'leaflet';

window.L = L;
export default L;
