# Reference outputs for the hotspot statistics, computed with R spdep.
#
# Input: a GeoJSON FeatureCollection of polygons with properties `code` and `value`
# (exported from the test database by src/test/r/export-communes.sh). Output: a CSV with,
# per unit, the number of queen neighbours, Getis-Ord Gi* (localG on binary queen weights
# including the unit itself) and local Moran's Ii (localmoran on row-standardised queen
# weights). Run once with Debian's r-cran-spdep and r-cran-sf; the CSV is a test fixture.
#
#   Rscript src/test/r/hotspot-fixtures.R communes.geojson out.csv
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
# planar geometry, as the application's queen weights (JTS): s2 refuses the real boundaries'
# duplicate vertices, which planar GEOS reads as they are
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
x <- st_read(args[1], quiet = TRUE)
x <- x[order(x$code), ]
nb <- poly2nb(x, queen = TRUE)
gstar <- as.numeric(localG(x$value, nb2listw(include.self(nb), style = "B")))
lm <- localmoran(x$value, nb2listw(nb, style = "W", zero.policy = TRUE), zero.policy = TRUE)
out <- data.frame(code = x$code, value = x$value, neighbours = card(nb),
                  gistar_z = gstar, ii = as.numeric(lm[, "Ii"]), e_ii = as.numeric(lm[, "E.Ii"]),
                  var_ii = as.numeric(lm[, "Var.Ii"]))
write.csv(out, args[2], row.names = FALSE, quote = TRUE)
cat(sprintf("spdep %s, sf %s: %d units, %d links\n", packageVersion("spdep"), packageVersion("sf"), nrow(x), sum(card(nb))))
