/**
 * Files in and out: official boundaries (GeoJSON, zipped Shapefile, GeoPackage, in WGS84
 * or VN-2000) checked and previewed before they replace the current shapes. Readers are
 * written here against the published formats (GeoTools is not available); coordinates are
 * transformed by PostGIS.
 */
package vn.socialmap.imports;
