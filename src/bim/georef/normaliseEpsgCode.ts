/**
 * `EPSG:nnnn` from the ways files name an EPSG CRS: `EPSG:25832`, `epsg 25832`, `EPSG::25832`,
 * `urn:ogc:def:crs:EPSG::25832`, `http://www.opengis.net/def/crs/EPSG/0/25832`. Null for anything else (a bare
 * number is not taken as EPSG: too many names end in a zone number).
 */
export function normaliseEpsgCode(name: string | null | undefined): string | null {
  const match = name ? /EPSG(?:\s*:{1,2}\s*|\s+|\/\d+\/|:[\d.]*:)(\d{4,6})\b/i.exec(name) : null;
  return match ? `EPSG:${Number(match[1])}` : null;
}
