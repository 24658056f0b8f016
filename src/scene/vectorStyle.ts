import {
  Color,
  ColorMaterialProperty,
  ConstantProperty,
  DistanceDisplayCondition,
  Entity,
  HorizontalOrigin,
  LabelGraphics,
  LabelStyle,
  PolylineGraphics,
  VerticalOrigin,
  Cartesian2,
  NearFarScalar,
  type JulianDate,
} from 'cesium';
import type { VectorStyle } from '../gis/types';

/** The style of one entity before layer opacity: what `applyOpacity` scales. */
export interface EntityBaseStyle {
  fill?: Color;
  stroke?: Color;
  label?: boolean;
}

const LABEL_FILL = Color.fromCssColorString('#1f2328');
const LABEL_HALO = Color.fromCssColorString('#ffffff');
/** Labels crowd the view from afar; below this camera distance (m) street names read well. */
const LABEL_MAX_DISTANCE = 3500;

function classStyle(style: VectorStyle, entity: Entity, now: JulianDate) {
  if (!style.byProperty || !style.classes) return style;
  const value = entity.properties?.[style.byProperty]?.getValue(now);
  const override = value === undefined ? undefined : style.classes[String(value)];
  return { ...style, ...override };
}

/**
 * Styles one GeoJSON entity in place: ground-clamped fill for areas, ground-clamped lines for ways and for
 * areas drawn as outlines (Cesium cannot outline ground polygons), halo labels for points. Returns the colours
 * before opacity.
 */
export function styleEntity(entity: Entity, style: VectorStyle, now: JulianDate): EntityBaseStyle {
  const s = classStyle(style, entity, now);
  const width = s.strokeWidth ?? 2;
  const fill = s.fill ? Color.fromCssColorString(s.fill) : undefined;
  const stroke = s.stroke ? Color.fromCssColorString(s.stroke) : undefined;
  if (entity.polygon) {
    if (!fill && stroke) {
      const hierarchy = entity.polygon.hierarchy?.getValue(now);
      entity.polygon = undefined;
      entity.polyline = new PolylineGraphics({ positions: hierarchy?.positions ?? [], clampToGround: true, width });
      return { stroke };
    }
    entity.polygon.outline = new ConstantProperty(false);
    return { fill };
  }
  if (entity.polyline) {
    entity.polyline.clampToGround = new ConstantProperty(true);
    entity.polyline.width = new ConstantProperty(width);
    return { stroke };
  }
  if (entity.billboard || entity.point) {
    entity.billboard = undefined;
    entity.point = undefined;
    const text = s.labelProperty ? entity.properties?.[s.labelProperty]?.getValue(now) : undefined;
    if (text === undefined || text === '') return {};
    entity.label = new LabelGraphics({
      text: String(text),
      font: '600 15px "Noto Sans", "Segoe UI", Roboto, sans-serif',
      style: LabelStyle.FILL_AND_OUTLINE,
      outlineWidth: 4,
      horizontalOrigin: HorizontalOrigin.CENTER,
      verticalOrigin: VerticalOrigin.CENTER,
      pixelOffset: Cartesian2.ZERO,
      distanceDisplayCondition: new DistanceDisplayCondition(0, LABEL_MAX_DISTANCE),
      scaleByDistance: new NearFarScalar(300, 1.1, LABEL_MAX_DISTANCE, 0.8),
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    return { label: true };
  }
  return {};
}

/** Applies the layer opacity to an entity's base colours. */
export function applyOpacity(entity: Entity, base: EntityBaseStyle, opacity: number): void {
  if (entity.polygon && base.fill) {
    entity.polygon.material = new ColorMaterialProperty(base.fill.withAlpha(base.fill.alpha * opacity));
  }
  if (entity.polyline && base.stroke) {
    entity.polyline.material = new ColorMaterialProperty(base.stroke.withAlpha(base.stroke.alpha * opacity));
  }
  if (entity.label && base.label) {
    entity.label.fillColor = new ConstantProperty(LABEL_FILL.withAlpha(opacity));
    entity.label.outlineColor = new ConstantProperty(LABEL_HALO.withAlpha(opacity));
  }
}
