import {
  ClassificationType,
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
  Cartesian3,
  Cartographic,
  ConstantPositionProperty,
  NearFarScalar,
  type JulianDate,
} from '@cesium/engine';
import type { VectorStyle } from '../gis/types';

/** The style of one entity before layer opacity: what `applyOpacity` scales. */
export interface EntityBaseStyle {
  fill?: Color;
  stroke?: Color;
  label?: { text: Color; halo: Color };
}

const LABEL_TEXT = '#1f2328';
const LABEL_HALO = '#ffffff';
/** Default camera distance (m) beyond which labels are hidden. */
const LABEL_MAX_DISTANCE = 2500;
/** Metres a label floats above the height it is given, so it clears the roof it names. */
const LABEL_CLEARANCE = 2;

function classStyle(style: VectorStyle, entity: Entity, now: JulianDate) {
  if (!style.byProperty || !style.classes) return style;
  const value = entity.properties?.[style.byProperty]?.getValue(now);
  const override = value === undefined ? undefined : style.classes[String(value)];
  return { ...style, ...override };
}

/**
 * Styles one GeoJSON entity in place. Draped geometry classifies the ground only (ClassificationType.TERRAIN):
 * by default Cesium drapes it over 3D Tiles too, painting land use onto roofs and catching clicks meant for them.
 * Then: ground-clamped fill for areas, ground-clamped lines for ways and for
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
      entity.polyline = new PolylineGraphics({ positions: hierarchy?.positions ?? [], clampToGround: true, width, classificationType: ClassificationType.TERRAIN });
      return { stroke };
    }
    entity.polygon.outline = new ConstantProperty(false);
    entity.polygon.classificationType = new ConstantProperty(ClassificationType.TERRAIN);
    return { fill };
  }
  if (entity.polyline) {
    entity.polyline.clampToGround = new ConstantProperty(true);
    entity.polyline.classificationType = new ConstantProperty(ClassificationType.TERRAIN);
    entity.polyline.width = new ConstantProperty(width);
    return { stroke };
  }
  if (entity.billboard || entity.point) return labelEntity(entity, s, now);
  return {};
}

function labelEntity(entity: Entity, s: ReturnType<typeof classStyle>, now: JulianDate): EntityBaseStyle {
  entity.billboard = undefined;
  entity.point = undefined;
  const text = s.labelProperty ? entity.properties?.[s.labelProperty]?.getValue(now) : undefined;
  if (text === undefined || text === '') return {};
  const height = s.labelHeightProperty ? Number(entity.properties?.[s.labelHeightProperty]?.getValue(now)) : NaN;
  const position = entity.position?.getValue(now);
  if (position && Number.isFinite(height)) {
    const c = Cartographic.fromCartesian(position);
    entity.position = new ConstantPositionProperty(Cartesian3.fromRadians(c.longitude, c.latitude, height + LABEL_CLEARANCE));
  }
  const maxDistance = s.labelMaxDistance ?? LABEL_MAX_DISTANCE;
  entity.label = new LabelGraphics({
    text: String(text),
    font: '600 15px "Noto Sans", "Segoe UI", Roboto, sans-serif',
    style: LabelStyle.FILL_AND_OUTLINE,
    outlineWidth: 4,
    horizontalOrigin: HorizontalOrigin.CENTER,
    verticalOrigin: VerticalOrigin.BOTTOM,
    distanceDisplayCondition: new DistanceDisplayCondition(0, maxDistance),
    scaleByDistance: new NearFarScalar(200, 1.1, maxDistance, 0.8),
    disableDepthTestDistance: Number.POSITIVE_INFINITY,
  });
  return {
    label: {
      text: Color.fromCssColorString(s.fill ?? LABEL_TEXT),
      halo: Color.fromCssColorString(s.stroke ?? LABEL_HALO),
    },
  };
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
    entity.label.fillColor = new ConstantProperty(base.label.text.withAlpha(opacity));
    entity.label.outlineColor = new ConstantProperty(base.label.halo.withAlpha(opacity));
  }
}
