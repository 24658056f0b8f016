#!/usr/bin/env bash
# Regenerates tests/fixtures/ifc-georef/expected.json: where the local origin of every IFC sample in
# ../shared/data/ifc lands on Earth, read from the STEP text with awk (no Sao code, no web-ifc) and transformed
# by PROJ's cs2cs, so tests/unit/bim/cliGeoref.test.ts checks the `ifc info` CLI against an independent answer.
#
#   scripts/gen-ifc-georef-fixtures.sh     # needs projinfo and cs2cs; installs Debian's proj-bin when missing
#
# What the script reads, in the order of trust of issue 3 §2 (the first one present wins):
#   IfcMapConversion(Scaled) → its IfcProjectedCRS name      method IfcMapConversion
#   IfcRigidOperation → its IfcGeographicCRS/IfcProjectedCRS  method IfcMapConversion, variant IfcRigidOperation
#   ePSet_MapConversion + ePSet_ProjectedCRS.Name (IFC2X3)    method ePSet_MapConversion
#   IfcSite RefLatitude / RefLongitude (compound angles)      method IfcSite
# A map conversion maps the project's engineering CRS to the map CRS, so the project origin lands on
# (Eastings, Northings) whatever the Scale and the axis rotation; cs2cs takes that point from the CRS's PROJ
# string (`projinfo -o PROJ -q EPSG:nnnn`, +towgs84 included) to WGS 84. OrthogonalHeight goes in as the height:
# with a Helmert shift the horizontal result moves by millimetres per 100 m of height, far below the tests' 5 cm.
# IfcSite angles are WGS 84 by definition (IFC4 IfcSite.RefLatitude), so no transformation is run for them;
# the script records where the site's placement puts the site origin (the tests assume the project origin).
set -euo pipefail
cd "$(dirname "$0")/.."

DATA="${SAO_SHARED_DATA:-../shared/data}"
OUT=tests/fixtures/ifc-georef/expected.json

. scripts/lib/ensure-proj.sh

# Prints one tab-separated line for an IFC file:
#   schema method variant crs eastings northings orthogonalHeight xAxisAbscissa xAxisOrdinate scale lon lat
#   refElevation siteOrigin
# with "null" for what the method does not carry. lon/lat are set for geographic CRSs and IfcSite only.
read_georeference() {
  awk '
    BEGIN { RS = ";[ \t\r]*\n" }
    # One STEP record per awk record; continuation lines joined.
    {
      gsub(/[\r\n]+/, " ")
      if ($0 ~ /FILE_SCHEMA/) { schema = $0; sub(/.*FILE_SCHEMA[ \t]*\(\([ \t]*\047/, "", schema); sub(/\047.*/, "", schema) }
      if (!match($0, /#[0-9]+[ \t]*=/)) next
      head = substr($0, RSTART, RLENGTH); id = head; gsub(/[^0-9]/, "", id)
      body = substr($0, RSTART + RLENGTH); sub(/^[ \t]+/, "", body)
      entity = toupper(body); sub(/\(.*/, "", entity); gsub(/[ \t]/, "", entity)
      record[id] = body; type[id] = entity
      if (entity ~ /^IFCMAPCONVERSION(SCALED)?$/ && !mapConversion) mapConversion = id
      if (entity == "IFCRIGIDOPERATION" && !rigidOperation) rigidOperation = id
      if (entity == "IFCSITE" && !site) site = id
      if (entity == "IFCPROPERTYSET") {
        split(body, a, /\047/)
        if (a[4] == "ePSet_MapConversion") psetMap = id
        if (a[4] == "ePSet_ProjectedCRS") psetCrs = id
      }
    }

    # Splits the attributes of an entity instance at its top-level commas (quotes and nested lists kept).
    function attributes(body, out,    i, c, depth, inQuote, n, current) {
      sub(/^[^(]*\(/, "", body); sub(/\)[ \t]*$/, "", body)
      n = 0; depth = 0; inQuote = 0; current = ""
      for (i = 1; i <= length(body); i++) {
        c = substr(body, i, 1)
        if (c == "\047") inQuote = !inQuote
        if (!inQuote && c == "(") depth++
        if (!inQuote && c == ")") depth--
        if (!inQuote && depth == 0 && c == ",") { out[++n] = trim(current); current = ""; continue }
        current = current c
      }
      out[++n] = trim(current)
      return n
    }
    function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
    function ref(s) { gsub(/[^0-9]/, "", s); return s }
    # A number from a STEP value: 76670., IFCLENGTHMEASURE(76670.), IFCREAL(1.); "null" for $ or *.
    function number(s) {
      if (s == "$" || s == "*" || s == "") return "null"
      sub(/^[A-Za-z_]+\(/, "", s); sub(/\)$/, "", s)
      return sprintf("%.15g", s + 0)
    }
    # The first string attribute (the CRS name, e.g. EPSG:25832).
    function crsName(id,    a) { attributes(record[id], a); return unquote(a[1]) }
    function unquote(s) { if (s == "$") return "null"; gsub(/^\047|\047$/, "", s); return s }
    # A compound plane angle (degrees, minutes, seconds, millionths of a second), all of one sign.
    function compoundAngle(s,    p, n) {
      gsub(/[() \t]/, "", s); n = split(s, p, ",")
      return sprintf("%.12f", p[1] + p[2] / 60 + (p[3] + (n > 3 ? p[4] : 0) / 1e6) / 3600)
    }
    # Where the site placement puts the site origin in project coordinates, as a JSON array; null when the site
    # has no placement, "relative" when it is placed relative to another placement (not resolved here).
    function siteOrigin(    a, p, axis, point, c, location, xyz) {
      if (!site) return "null"
      attributes(record[site], a); p = ref(a[6])
      if (p == "") return "null"
      attributes(record[p], c); if (c[1] != "$") return "\"relative\""
      axis = ref(c[2]); attributes(record[axis], c); point = ref(c[1])
      location = record[point]; sub(/^[^(]*\(\(/, "", location); sub(/\)\)$/, "", location)
      split(location, xyz, ",")
      return "[" number(xyz[1]) ", " number(xyz[2]) ", " number(xyz[3]) "]"
    }
    function emit(method, variant, crs, e, n, h, xa, xo, scale, lon, lat, refElevation) {
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", schema, method, variant, crs, e, n, h, xa, xo, scale, lon, lat, refElevation, siteOrigin()
    }

    END {
      if (mapConversion) {
        attributes(record[mapConversion], m)
        emit("IfcMapConversion", type[mapConversion] == "IFCMAPCONVERSIONSCALED" ? "IfcMapConversionScaled" : "null",
             crsName(ref(m[2])), number(m[3]), number(m[4]), number(m[5]), number(m[6]), number(m[7]), number(m[8]), "null", "null", "null")
      } else if (rigidOperation) {
        attributes(record[rigidOperation], r); target = ref(r[2])
        if (type[target] == "IFCGEOGRAPHICCRS")
          emit("IfcMapConversion", "IfcRigidOperation", crsName(target), "null", "null", number(r[5]), "null", "null", "null", number(r[3]), number(r[4]), "null")
        else
          emit("IfcMapConversion", "IfcRigidOperation", crsName(target), number(r[3]), number(r[4]), number(r[5]), "null", "null", "null", "null", "null", "null")
      } else if (psetMap) {
        attributes(record[psetMap], p); count = split(p[5], ids, ",")
        for (i = 1; i <= count; i++) { attributes(record[ref(ids[i])], v); value[unquote(v[1])] = number(v[3]) }
        crs = "null"
        if (psetCrs) { attributes(record[psetCrs], p); count = split(p[5], ids, ",")
          for (i = 1; i <= count; i++) { attributes(record[ref(ids[i])], v); if (unquote(v[1]) == "Name") { label = v[3]; sub(/^[A-Za-z]+\(/, "", label); sub(/\)$/, "", label); crs = unquote(label) } } }
        emit("ePSet_MapConversion", "null", crs, value["Eastings"], value["Northings"], value["OrthogonalHeight"],
             value["XAxisAbscissa"], value["XAxisOrdinate"], ("Scale" in value) ? value["Scale"] : "null", "null", "null", "null")
      } else if (site) {
        attributes(record[site], siteAttributes)
        if (siteAttributes[10] != "$" && siteAttributes[11] != "$")
          emit("IfcSite", "null", "null", "null", "null", "null", "null", "null", "null", compoundAngle(siteAttributes[11]), compoundAngle(siteAttributes[10]), number(siteAttributes[12]))
        else
          emit("none", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null")
      } else {
        emit("none", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null", "null")
      }
    }
  ' "$1"
}

json_string() { if [ "$1" = null ]; then printf null; else printf '"%s"' "$1"; fi; }

# Transforms "x y h" from the PROJ string to WGS 84 longitude, latitude.
to_wgs84() {
  # shellcheck disable=SC2086 # a PROJ string is split into its +parameters on purpose
  echo "$2" | cs2cs -f %.10f $1 +to $WGS84_PROJ | awk '{ print $1, $2 }'
}

mkdir -p "$(dirname "$OUT")"
{
  printf '{\n  "generator": "scripts/gen-ifc-georef-fixtures.sh",\n  "proj": "%s",\n' "$PROJ_RELEASE"
  printf '  "note": "origin = where the project origin lands; read from the STEP text with awk, transformed by cs2cs on the PROJ string of the CRS (IfcSite angles are WGS 84 as written)",\n'
  printf '  "samples": ['
  separator=''
  while IFS= read -r -d '' file; do
    IFS=$'\t' read -r schema method variant crs e n h xa xo scale lon lat refElevation site < <(read_georeference "$file")
    projString=null
    if [ "$method" = IfcMapConversion ] || [ "$method" = ePSet_MapConversion ]; then
      projString=$(projinfo -o PROJ -q "$crs")
      height=$([ "$h" = null ] && echo 0 || echo "$h")
      if [ "$lon" = null ]; then read -r lon lat < <(to_wgs84 "$projString" "$e $n $height")
      else read -r lon lat < <(to_wgs84 "$projString" "$lon $lat $height"); fi
    fi
    origin=null
    [ "$lon" != null ] && origin="[$lon, $lat]"
    printf '%s\n    {"file": "%s", "schema": "%s", "method": "%s", "variant": %s, "crs": %s, "projString": %s,\n' \
      "$separator" "${file#"$DATA"/}" "$schema" "$method" "$(json_string "$variant")" "$(json_string "$crs")" "$(json_string "$projString")"
    printf '     "eastings": %s, "northings": %s, "orthogonalHeight": %s, "xAxisAbscissa": %s, "xAxisOrdinate": %s, "scale": %s,\n' \
      "$e" "$n" "$h" "$xa" "$xo" "$scale"
    printf '     "refElevation": %s, "siteOrigin": %s, "expectedOriginWgs84": %s}' "$refElevation" "$site" "$origin"
    separator=','
  done < <(find "$DATA/ifc" -name '*.ifc' -print0 | sort -z)
  printf '\n  ]\n}\n'
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "$OUT: $(grep -c '"file"' "$OUT") samples ($PROJ_RELEASE)"
