/**
 * Spatial analytics on the live registry: hotspot statistics (Getis-Ord Gi*, local
 * Moran's I) with contiguity or distance weights, kernel density of residences, service
 * accessibility (nearest service, enhanced two-step floating catchment area) and the
 * maximal covering location model for where to open new post-rehab models. The
 * statistics are plain functions of arrays, checked against R spdep; the services feed
 * them from the registries with the caller's scope and suppression.
 */
package vn.socialmap.analytics;
