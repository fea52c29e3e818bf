/**
 * The service network on the map: rehab facilities, community providers, Methadone
 * clinics, designated health facilities, counseling points, post-rehab support models
 * and drug hotspots, with their status history and model coverage per commune.
 */
package vn.socialmap.facilities;
