import {
  Cartesian2, Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, LabelCollection, Material, PerInstanceColorAppearance,
  PolygonGeometry, PolygonHierarchy, PolylineCollection, Primitive, VerticalOrigin, type Label, type Scene,
} from '@cesium/engine';
import { translate, type Lang } from '../../app/i18n';
import { formatPlanValue } from '../../bim/review/ui/plan/formatPlanValue';
import type { PlanCheckId, PlanCheckStatus, PlanReport, Wgs84Polygon, Wgs84Position } from '../../bim/plan/types';
import { LABEL_OPTIONS } from './ModelAnnotations';

/**
 * Colours by a check's status: a failing check is opaque red and stands out; a passing one is a pale tint that
 * leaves the model and the city readable through it; a check the plan sets no limit for is not drawn.
 */
export const PLAN_COLOURS: Record<'heightLimitPlane' | 'setbackBand' | 'line', Record<Exclude<PlanCheckStatus, 'notApplicable'>, Color>> = {
  heightLimitPlane: { pass: Color.fromCssColorString('rgba(64, 196, 255, 0.28)'), fail: Color.fromCssColorString('rgba(255, 48, 48, 0.4)') },
  setbackBand: { pass: Color.fromCssColorString('rgba(72, 220, 120, 0.55)'), fail: Color.fromCssColorString('rgba(255, 48, 48, 0.55)') },
  line: { pass: Color.fromCssColorString('#48dc78'), fail: Color.fromCssColorString('#ff3030') },
};
/** Outlines and the band stand this far above the ground they are drawn at, so the globe does not hide them. */
const LIFT_M = 0.3;
/** The distance hangs under the setback line: over it, it would cover the model's own label. */
const SETBACK_LABEL = { ...LABEL_OPTIONS, verticalOrigin: VerticalOrigin.TOP, pixelOffset: new Cartesian2(0, 8) };

const statusOf = (report: PlanReport, id: PlanCheckId): PlanCheckStatus => report.checks.find((c) => c.id === id)?.status ?? 'notApplicable';

function positions(ring: readonly Wgs84Position[], lift: number): Cartesian3[] {
  return Cartesian3.fromDegreesArrayHeights(ring.flatMap(([lon, lat, h]) => [lon, lat, h + lift]));
}

function polygonInstance([outer, ...holes]: Wgs84Polygon, lift: number, colour: Color): GeometryInstance {
  // GeoJSON rings repeat their first position; Cesium's polygons close themselves.
  const open = (ring: Wgs84Position[]) => positions(ring.slice(0, -1), lift);
  const hierarchy = new PolygonHierarchy(open(outer!), holes.map((hole) => new PolygonHierarchy(open(hole))));
  return new GeometryInstance({
    geometry: new PolygonGeometry({ polygonHierarchy: hierarchy, perPositionHeight: true, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT }),
    attributes: { color: ColorGeometryInstanceAttribute.fromColor(colour) },
  });
}

/**
 * Draws a plan check's visuals in the city (`PlanReport.visuals`, WGS 84 with ellipsoidal heights): the parcel's
 * outline, the translucent height-limit plane at ground + the maximum height, the setback band inside the
 * boundary, and the setback line between the closest points with its distance. Props in, primitives out: `sync`
 * rebuilds only when the report, the language or the visibility changed, and returns whether it drew anything new.
 */
export class PlanOverlay {
  private readonly lines: PolylineCollection;
  private readonly labels: LabelCollection;
  private surfaces: Primitive | null = null;
  private label: Label | null = null;
  private drawn: { report: PlanReport | null; lang: Lang | null } = { report: null, lang: null };
  private readonly removeListener: () => void;

  constructor(private readonly scene: Scene) {
    this.lines = scene.primitives.add(new PolylineCollection()) as PolylineCollection;
    this.labels = scene.primitives.add(new LabelCollection({ scene })) as LabelCollection;
    // Frames are drawn on request: keep asking until the surfaces' first frame has built them.
    this.removeListener = scene.postRender.addEventListener(() => {
      if (!this.settled) scene.requestRender();
    });
  }

  /** Every surface drawn is ready (its geometry built and its shader linked). */
  get settled(): boolean {
    return this.surfaces === null || this.surfaces.ready;
  }

  sync(report: PlanReport | null, lang: Lang): boolean {
    if (report === this.drawn.report && (report === null || lang === this.drawn.lang)) return false;
    this.clear();
    this.drawn = { report, lang };
    if (report) this.draw(report, lang);
    return true;
  }

  private draw(report: PlanReport, lang: Lang): void {
    const { visuals } = report;
    const instances: GeometryInstance[] = [];
    const height = statusOf(report, 'height');
    if (visuals.heightLimitPlane && height !== 'notApplicable') {
      instances.push(polygonInstance(visuals.heightLimitPlane, 0, PLAN_COLOURS.heightLimitPlane[height]));
      this.addLine(visuals.heightLimitPlane[0]!, 0, PLAN_COLOURS.line[height], 2);
    }
    const setback = statusOf(report, 'setback');
    if (visuals.setbackBand && setback !== 'notApplicable') {
      for (const band of visuals.setbackBand) instances.push(polygonInstance(band, LIFT_M, PLAN_COLOURS.setbackBand[setback]));
    }
    const containment = statusOf(report, 'containment');
    for (const ring of visuals.parcel) this.addLine(ring, LIFT_M, containment === 'fail' ? PLAN_COLOURS.line.fail : Color.WHITE, 3);
    if (visuals.setbackLine) {
      const colour = setback === 'notApplicable' ? Color.WHITE : PLAN_COLOURS.line[setback];
      this.addLine(visuals.setbackLine, LIFT_M, colour, 4);
      const check = report.checks.find((c) => c.id === 'setback');
      const distance = check ? formatPlanValue(lang, check, check.measured) : '';
      const [from, to] = positions(visuals.setbackLine, LIFT_M) as [Cartesian3, Cartesian3];
      this.label = this.labels.add({ ...SETBACK_LABEL, position: Cartesian3.midpoint(from, to, new Cartesian3()), text: translate(lang, 'review.plan.setbackLabel', { distance }) });
    }
    if (instances.length === 0) return;
    // Built on the main thread (a few polygons): Cesium's geometry workers would cost more to start than to run.
    this.surfaces = this.scene.primitives.add(
      new Primitive({ geometryInstances: instances, appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }), asynchronous: false }),
    ) as Primitive;
  }

  private addLine(ring: readonly Wgs84Position[], lift: number, colour: Color, width: number): void {
    this.lines.add({ positions: positions(ring, lift), width, material: Material.fromType('Color', { color: colour }) });
  }

  private clear(): void {
    this.lines.removeAll();
    if (this.label) this.labels.remove(this.label);
    this.label = null;
    if (this.surfaces) this.scene.primitives.remove(this.surfaces);
    this.surfaces = null;
  }

  destroy(): void {
    this.removeListener();
    this.clear();
    this.scene.primitives.remove(this.lines);
    this.scene.primitives.remove(this.labels);
  }
}
