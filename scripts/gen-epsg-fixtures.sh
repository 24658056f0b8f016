#!/usr/bin/env bash
# Regenerates tests/fixtures/epsg/: reference coordinates from PROJ's cs2cs for "any CRS" (src/geo/epsg), run on
# the CRS's PROJ string as `projinfo -o PROJ -q EPSG:<code>` prints it — the reference issue 3 sets for placing
# IFC models — plus the WKT and PROJ-string inputs the tests resolve.
#
#   scripts/gen-epsg-fixtures.sh          # needs projinfo and cs2cs; installs Debian's proj-bin when missing
#
# Definitions (columns 1 and 2 of cs2cs.txt, from and to):
#   EPSG:<code>       resolved by code. The codes of the IFC samples in ../shared/data/ifc/georef (9897, 25832,
#                     31467, 3065, 4258) with their map-conversion origins, the usual suspects (Lambert 93, Web
#                     Mercator, polar stereographic, British National Grid, Swiss, Dutch, Krovak, LAEA Europe,
#                     US feet, heights in feet (8700), ellipsoids proj4 does not know (WGS 72: 32230, 32430;
#                     GSK-2011: 20918)) and VN-2000 grids that must stay on Sao's checked engine.
#   file:<name>       a definition in tests/fixtures/epsg/<name>: projinfo's WKT1_GDAL and WKT2_2019 (plain and
#                     --boundcrs-to-wgs84) of a code, expected to give that code's results; a PROJ string.
# Points: the centre of the code's area of use (epsg-index bbox) and four points 20 % in from its edges, at
# 100 m ellipsoidal height, plus labelled sample origins. Both directions: WGS 84 → CRS and CRS → WGS 84
# (inputs the forward results rounded to the millimetre or 1e-9°); and pairs of CRSs without WGS 84 between
# them in the fixture (cs2cs joins two +towgs84 strings through WGS 84 itself). --3d: heights go through the
# Helmert like Sao's transforms (plain cs2cs would carry them through unchanged).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=tests/fixtures/epsg
FORMAT=%.10f

. scripts/lib/ensure-proj.sh

CODES='9897 2169 25832 31467 3065 4258 2154 3857 3031 27700 2056 28992 5514 3035 2263 8700 32230 32430 20918 5897 3405 9210 32648'

# Sample origins: code x y z label (the IFC samples' map conversions and rigid operation).
SAMPLES='9897 76670 77179 293.700012207031 duplex-epset-mapconversion
31467 3458715.92 5439966.65 113.7 bsi-geographic-referencing-gk
25832 458657.30 5438232.25 113.7 bsi-geographic-referencing-utm
3065 0 0 0 bsi-linear-placement-of-signal
4258 14.0902217 46.3623297 475 bsi-geographic-referencing-rigid-operation'

# Definition files: name, projinfo arguments, the code whose results they must reproduce.
WKT_FILES='wkt1-2169.wkt -o WKT1_GDAL EPSG:2169
wkt2-9897.wkt -o WKT2_2019 EPSG:9897
wkt2-31467.wkt -o WKT2_2019 EPSG:31467
wkt2-bound-2169.wkt -o WKT2_2019 --boundcrs-to-wgs84 EPSG:2169
wkt1-bound-9897.wkt -o WKT1_GDAL --boundcrs-to-wgs84 EPSG:9897'

# CRS pairs "from to": a Luxembourg model onto Hà Nội's VN-2000 grid (proj4 → Sao's engine), the two BSI
# samples' CRSs (Gauss-Krüger → UTM), and VN-2000 TM-3 → Web Mercator (Sao's engine → proj4).
PAIRS='9897 5897
31467 25832
5897 3857'

# A PROJ string Sao does not know by code: VN-2000 / Hà Nội TM-3 (105°45′) written out, run by proj4.
PROJ_FILE=proj-vn2000-hanoi.txt
HANOI_PROJ='+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs +type=crs'

# Five points "lon lat h label" inside a code's area of use (epsg-index's bbox is north, west, south, east).
area_points() {
  node -e '
    const [north, west, south, east] = require("epsg-index/s/" + process.argv[1] + ".json").bbox;
    const span = east >= west ? east - west : east + 360 - west;
    const at = (u, v, label) => {
      let lon = west + u * span;
      if (lon > 180) lon -= 360;
      console.log(lon.toFixed(6), (south + v * (north - south)).toFixed(6), 100, label);
    };
    at(0.5, 0.5, "area-centre"); at(0.2, 0.2, "area-sw"); at(0.8, 0.2, "area-se");
    at(0.2, 0.8, "area-nw"); at(0.8, 0.8, "area-ne");
  ' "$1"
}

# cs2cs from $1 to $2 (PROJ strings) on "x y z" lines.
convert() {
  # shellcheck disable=SC2086 # PROJ strings are split into their +parameters on purpose
  cs2cs --3d -f "$FORMAT" $1 +to $2 | awk '{ print $1, $2, $3 }'
}

# Appends both directions for one definition ($1) whose PROJ string is $2; points "lon lat h label" on stdin.
cases() {
  local definition=$1 proj=$2 work
  work=$(mktemp -d)
  cat >"$work/points"
  awk '{ print $1, $2, $3 }' "$work/points" >"$work/wgs84"
  cut -d ' ' -f 4 "$work/points" >"$work/labels"
  convert "$WGS84_PROJ" "$proj" <"$work/wgs84" >"$work/crs"
  paste -d ' ' <(sed "s|^|EPSG:4326 $definition |" "$work/wgs84") "$work/crs" "$work/labels"
  if [[ $proj == *longlat* ]]; then rounding='%.9f %.9f %.3f'; else rounding='%.3f %.3f %.3f'; fi
  awk -v f="$rounding" '{ printf f "\n", $1, $2, $3 }' "$work/crs" >"$work/crs-rounded"
  convert "$proj" "$WGS84_PROJ" <"$work/crs-rounded" >"$work/back"
  paste -d ' ' <(sed "s|^|$definition EPSG:4326 |" "$work/crs-rounded") "$work/back" "$work/labels"
  rm -rf "$work"
}

# Sample origins are CRS coordinates: only the direction to WGS 84.
sample_cases() {
  local code=$1 proj=$2 work
  work=$(mktemp -d)
  awk -v code="$code" '$1 == code { print $2, $3, $4, $5 }' <<<"$SAMPLES" >"$work/points"
  if [[ -s $work/points ]]; then
    awk '{ print $1, $2, $3 }' "$work/points" | convert "$proj" "$WGS84_PROJ" >"$work/back"
    paste -d ' ' <(awk -v d="EPSG:$code" '{ print d, "EPSG:4326", $1, $2, $3 }' "$work/points") "$work/back" \
      <(cut -d ' ' -f 4 "$work/points")
  fi
  rm -rf "$work"
}

# CRS to CRS, on the first one's area points (in WGS 84, converted to it first): $1 → $2.
pair_cases() {
  local from=$1 to=$2 work
  work=$(mktemp -d)
  cat >"$work/points"
  awk '{ print $1, $2, $3 }' "$work/points" | convert "$WGS84_PROJ" "$(projinfo -o PROJ -q "$from")" |
    awk '{ printf "%.3f %.3f %.3f\n", $1, $2, $3 }' >"$work/in"
  convert "$(projinfo -o PROJ -q "$from")" "$(projinfo -o PROJ -q "$to")" <"$work/in" >"$work/out"
  paste -d ' ' <(sed "s|^|$from $to |" "$work/in") "$work/out" <(cut -d ' ' -f 4 "$work/points")
  rm -rf "$work"
}

mkdir -p "$OUT"
{
  cat <<EOF
# cs2cs --3d -f $FORMAT on the PROJ string of each definition, $PROJ_RELEASE; do not edit by hand.
# Generated by scripts/gen-epsg-fixtures.sh: EPSG:<code> uses \`projinfo -o PROJ -q EPSG:<code>\`; file:<name> is a
# definition in this folder, checked against the PROJ string of the code it was written from.
# Axis order: easting/longitude first (PROJ strings' order), heights ellipsoidal in metres, x, y in the CRS's unit.
# Columns: from to x_in y_in z_in x_out y_out z_out label
EOF
  for code in $CODES; do
    proj=$(projinfo -o PROJ -q "EPSG:$code")
    area_points "$code" | cases "EPSG:$code" "$proj"
    sample_cases "$code" "$proj"
  done
  while read -r name args; do
    code=${args##* }
    # shellcheck disable=SC2086 # projinfo's options are split on purpose
    projinfo $args -q >"$OUT/$name"
    area_points "${code#EPSG:}" | cases "file:$name" "$(projinfo -o PROJ -q "$code")"
  done <<<"$WKT_FILES"
  echo "$HANOI_PROJ" >"$OUT/$PROJ_FILE"
  area_points 5897 | cases "file:$PROJ_FILE" "$HANOI_PROJ"
  while read -r from to; do
    area_points "$from" | pair_cases "EPSG:$from" "EPSG:$to"
  done <<<"$PAIRS"
} >"$OUT/cs2cs.txt"

echo "$OUT/cs2cs.txt: $(grep -vc '^#' "$OUT/cs2cs.txt") points"
