# Times spdep's Gi* (poly2nb queen + include.self + nb2listw style B + localG) on a
# GeoJSON of polygons with a `value` property, median of `runs`, and writes the z-scores
# so that the Java benchmark can check it computed the same numbers.
#   Rscript bench/spdep-timing.R in.geojson z-out.csv runs
suppressPackageStartupMessages({
  library(sf)
  library(spdep)
})
args <- commandArgs(trailingOnly = TRUE)
x <- st_read(args[1], quiet = TRUE)
runs <- as.integer(args[3])
times <- numeric(runs)
for (r in seq_len(runs)) {
  t0 <- proc.time()[["elapsed"]]
  nb <- poly2nb(x, queen = TRUE)
  z <- as.numeric(localG(x$value, nb2listw(include.self(nb), style = "B")))
  times[r] <- proc.time()[["elapsed"]] - t0
}
write.csv(data.frame(code = x$code, z = z), args[2], row.names = FALSE)
cat(sprintf("%.6f\n", median(times)))
