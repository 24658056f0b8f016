/** The `ifc info` summary for a person: one labelled line per fact, Vietnamese first, then English. */
import { formatLonLat, formatProjected } from '../../src/geo';
import type { PlacementTrust } from '../../src/bim/types';
import type { IfcGeorefInfo, IfcInfo } from './ifcInfo';

const TRUST: Record<PlacementTrust, string> = {
  high: 'cao / high',
  medium: 'trung bình / medium',
  low: 'thấp / low',
  unverified: 'chưa kiểm chứng / unverified',
};

const SPATIAL_ORDER = ['IfcSite', 'IfcBuilding', 'IfcBuildingStorey', 'IfcSpace'];

export function formatIfcInfo(info: IfcInfo): string {
  const rows: [string, string][] = [
    ['Tệp / File', `${info.file} (${(info.bytes / 1e6).toFixed(1)} MB)`],
    ['Lược đồ / Schema', info.schema === info.schemaIdentifier ? info.schema : `${info.schema} (${info.schemaIdentifier})`],
    ['Dự án / Project', info.projectName ?? '—'],
    ['Cấu kiện / Elements', `${info.elements} (${info.elementsWithGeometry} có hình học / with geometry)`],
    ['Tam giác / Triangles', String(info.triangles)],
    ['Cấu trúc / Spatial', spatialText(info.spatial)],
    ...georefRows(info.georef),
    ['Thời gian / Time', `parse ${ms(info.timings.parseMs)}, hình đầu / first geometry ${ms(info.timings.firstGeometryMs)}, tổng / total ${ms(info.timings.totalMs)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`).join('\n') + '\n';
}

function georefRows(georef: IfcGeorefInfo): [string, string][] {
  const rows: [string, string][] = [['Định vị / Georeferencing', methodText(georef)]];
  if (georef.eastings !== null && georef.northings !== null) {
    const height = georef.orthogonalHeight === null ? '' : `, H ${georef.orthogonalHeight} m`;
    rows.push(['  Gốc trên lưới / Grid origin', `${formatProjected(georef.eastings, georef.northings)}${height}`]);
  }
  if (georef.xAxisAbscissa !== null && georef.xAxisOrdinate !== null) {
    rows.push(['  Trục X / X axis', `(${georef.xAxisAbscissa}, ${georef.xAxisOrdinate}); tỉ lệ / scale ${georef.scale ?? '—'}`]);
  }
  rows.push(
    ['Gốc WGS 84 / Origin WGS 84', georef.originWgs84 ? formatLonLat(georef.originWgs84[0], georef.originWgs84[1], { dms: true }) : 'không có / none'],
    ['Hướng trục +y / +y heading', `${georef.headingDegrees.toFixed(2)}° (theo chiều kim đồng hồ từ bắc thật / clockwise from true north)`],
    ['Độ tin cậy / Trust', `${TRUST[georef.trust]}${georef.placedBy === georef.method ? '' : ` — đặt theo / placed by ${georef.placedBy}`}`],
    ...georef.reasons.map((reason): [string, string] => ['  Vì / Because', `${reason.vi} / ${reason.en}`]),
  );
  return rows;
}

function methodText(georef: IfcGeorefInfo): string {
  if (georef.method === 'none') return 'không có / none';
  const variant = georef.variant ? ` (${georef.variant})` : '';
  const crs = georef.crs ? ` → ${georef.crs}${georef.crsName && georef.crsName !== georef.crs ? ` (${georef.crsName})` : ''}` : '';
  return `${georef.method}${variant}${crs}`;
}

function spatialText(spatial: Record<string, number>): string {
  const known = SPATIAL_ORDER.filter((ifcClass) => spatial[ifcClass]).map((ifcClass) => `${spatial[ifcClass]} ${ifcClass}`);
  return known.length ? known.join(', ') : '—';
}

function ms(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`;
}
