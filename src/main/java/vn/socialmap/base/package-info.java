/**
 * What every capability shares: the UI shell and map component, GeoJSON, text folding,
 * API error handling. An open module: the capabilities may use all of it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package vn.socialmap.base;

import org.springframework.modulith.ApplicationModule;
