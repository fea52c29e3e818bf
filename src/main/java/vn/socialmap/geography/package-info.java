/**
 * Administrative units (province, district, commune) with their shapes and validity
 * dates; the approximate commune partition; the admin-unit API and the map view.
 * Other modules use {@link vn.socialmap.geography.AdminUnitService} and
 * {@link vn.socialmap.geography.AdminUnitFeatures}.
 */
package vn.socialmap.geography;
