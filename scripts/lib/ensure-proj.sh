# Sourced by the fixture generators: makes PROJ's cs2cs and projinfo available (Debian's proj-bin, installed with
# apt when missing) and sets PROJ_RELEASE and WGS84_PROJ for the fixtures' provenance lines.
if ! command -v cs2cs >/dev/null || ! command -v projinfo >/dev/null; then
  sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $sudo apt-get update
  $sudo apt-get install -y proj-bin
fi
PROJ_RELEASE=$(cs2cs 2>&1 | sed -n 1p)
WGS84_PROJ='+proj=longlat +datum=WGS84 +no_defs +type=crs'
