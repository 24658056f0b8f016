import { Cartesian2, Cartesian3, Math as CesiumMath, Matrix4, Transforms, type Camera, type Scene } from '@cesium/engine';

/** Orbits the camera around the ground point at the centre of the view, as a mouse rotate-drag does. */
function orbit(scene: Scene, angle: number): void {
  const { camera, canvas } = scene;
  const center = camera.pickEllipsoid(new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2));
  if (!center) {
    camera.lookLeft(angle);
    return;
  }
  const enu = Transforms.eastNorthUpToFixedFrame(center);
  const offset = Matrix4.multiplyByPoint(Matrix4.inverseTransformation(enu, new Matrix4()), camera.positionWC, new Cartesian3());
  camera.lookAtTransform(enu, offset);
  camera.rotateRight(angle);
  camera.lookAtTransform(Matrix4.IDENTITY);
}

/**
 * Keyboard navigation for the 3D view (WCAG 2.1.1: everything the mouse does, the keyboard does).
 * Active while the map container has focus. Moves scale with height so one press is a sensible step at any zoom.
 */
export function installKeyboardCamera(element: HTMLElement, scene: Scene, onHome: () => void): () => void {
  const camera: Camera = scene.camera;
  const onKey = (event: KeyboardEvent) => {
    if (event.target !== element || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = Math.max(5, camera.positionCartographic.height * 0.1);
    const turn = CesiumMath.toRadians(5);
    const actions: Record<string, () => void> = {
      ArrowUp: () => camera.moveForward(step),
      ArrowDown: () => camera.moveBackward(step),
      ArrowLeft: () => camera.moveLeft(step),
      ArrowRight: () => camera.moveRight(step),
      '+': () => camera.zoomIn(step),
      '=': () => camera.zoomIn(step),
      '-': () => camera.zoomOut(step),
      q: () => orbit(scene, -turn),
      e: () => orbit(scene, turn),
      w: () => camera.lookUp(turn),
      s: () => camera.lookDown(turn),
      Home: onHome,
    };
    const action = actions[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!action) return;
    event.preventDefault();
    action();
    scene.requestRender();
    // Keyboard moves have no drag end: announce the settled pose like a mouse gesture would.
    camera.moveEnd.raiseEvent();
  };
  element.addEventListener('keydown', onKey);
  return () => element.removeEventListener('keydown', onKey);
}
