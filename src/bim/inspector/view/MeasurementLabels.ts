/**
 * The measurements' points and values as DOM elements over the view (CSS2DRenderer), placed with the page's own
 * camera: text stays crisp and readable on a 4K screen, and follows the camera without waiting for the render worker.
 */
import { Scene, type Camera, type Object3D } from 'three';
import { CSS2DObject, CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import { labelAnchor, type Measurement } from '../measurements';
import type { Vec3 } from '../vec3';

function labelled(className: string, p: Vec3, text = ''): Object3D {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  const object = new CSS2DObject(div);
  object.position.set(p[0], p[1], p[2]);
  return object;
}

export class MeasurementLabels {
  private readonly renderer = new CSS2DRenderer();
  private readonly scene = new Scene();

  constructor(host: HTMLElement) {
    this.renderer.domElement.className = 'inspector-labels';
    host.appendChild(this.renderer.domElement);
  }

  setSize(width: number, height: number): void {
    this.renderer.setSize(width, height);
  }

  /** Removing a CSS2DObject from the scene removes its element from the page too. */
  update(measurements: readonly Measurement[], pending: readonly Vec3[], label: (m: Measurement) => string): void {
    this.scene.clear();
    for (const measurement of measurements) {
      if (measurement.kind !== 'faceArea') for (const p of measurement.points) this.scene.add(labelled('inspector-marker', p));
      this.scene.add(labelled('inspector-label', labelAnchor(measurement), label(measurement)));
    }
    for (const p of pending) this.scene.add(labelled('inspector-marker pending', p));
  }

  render(camera: Camera): void {
    this.renderer.render(this.scene, camera);
  }

  dispose(): void {
    this.scene.clear();
    this.renderer.domElement.remove();
  }
}
