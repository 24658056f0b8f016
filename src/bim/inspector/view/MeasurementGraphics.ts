/**
 * Draws measurements over the model (render worker): wide lines that stay visible through walls (depth test off)
 * and the face region of an area. Points and values are DOM labels on the page (MeasurementLabels). Rebuilt from
 * the measurement list on every change: the list is short.
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Group, Mesh, MeshBasicMaterial } from 'three';
import { LineMaterial } from 'three/examples/jsm/lines/LineMaterial.js';
import { LineSegments2 } from 'three/examples/jsm/lines/LineSegments2.js';
import { LineSegmentsGeometry } from 'three/examples/jsm/lines/LineSegmentsGeometry.js';
import type { Measurement } from '../measurements';
import type { Vec3 } from '../vec3';

const LINE_COLOUR = 0xffc845;
const PENDING_COLOUR = 0x7ee2a8;

function segmentsOf(measurement: Measurement): Vec3[] {
  switch (measurement.kind) {
    case 'distance':
      return measurement.points;
    case 'height': {
      // The vertical drawn from the lower point up to the higher one's level, then across to it.
      const [low, high] = measurement.points;
      const corner: Vec3 = [low[0], low[1], high[2]];
      return [low, corner, corner, high];
    }
    case 'polygonArea':
      return measurement.points.flatMap((p, i) => [p, measurement.points[(i + 1) % measurement.points.length]!]);
    case 'faceArea':
      return [];
  }
}

export class MeasurementGraphics {
  readonly group = new Group();
  private readonly lineMaterial = new LineMaterial({ color: LINE_COLOUR, linewidth: 3, depthTest: false, transparent: true });
  private readonly pendingMaterial = new LineMaterial({ color: PENDING_COLOUR, linewidth: 2, depthTest: false, transparent: true, dashed: false });
  private readonly faceMaterial = new MeshBasicMaterial({
    color: LINE_COLOUR, transparent: true, opacity: 0.45, side: DoubleSide, depthTest: false,
  });

  constructor() {
    this.group.renderOrder = 10;
  }

  setResolution(width: number, height: number): void {
    this.lineMaterial.resolution.set(width, height);
    this.pendingMaterial.resolution.set(width, height);
  }

  update(measurements: readonly Measurement[], pending: readonly Vec3[]): void {
    this.clear();
    for (const measurement of measurements) {
      const segments = segmentsOf(measurement);
      if (segments.length > 0) this.group.add(this.lines(segments, this.lineMaterial));
      if (measurement.kind === 'faceArea') {
        const geometry = new BufferGeometry();
        geometry.setAttribute('position', new BufferAttribute(measurement.triangles, 3));
        const face = new Mesh(geometry, this.faceMaterial);
        face.renderOrder = 9;
        this.group.add(face);
      }
    }
    if (pending.length > 1) this.group.add(this.lines(pending.flatMap((p, i) => (i > 0 ? [pending[i - 1]!, p] : [])), this.pendingMaterial));
  }

  private lines(points: readonly Vec3[], material: LineMaterial): LineSegments2 {
    const geometry = new LineSegmentsGeometry();
    geometry.setPositions(points.flatMap((p) => [...p]));
    const lines = new LineSegments2(geometry, material);
    lines.renderOrder = 10;
    return lines;
  }

  private clear(): void {
    for (const child of [...this.group.children]) {
      if (child instanceof Mesh) child.geometry.dispose();
      this.group.remove(child);
    }
  }

  dispose(): void {
    this.clear();
    this.lineMaterial.dispose();
    this.pendingMaterial.dispose();
    this.faceMaterial.dispose();
  }
}
