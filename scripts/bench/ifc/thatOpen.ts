/**
 * Loading an IFC file the way That Open's viewer does, in Node, with @thatopen/components 3.x as its tutorials
 * use it:
 *
 *   1. `IfcLoader.load(bytes)`: @thatopen/fragments' `IfcImporter.process` runs web-ifc (the same 0.0.78 wasm as
 *      ours; `autoSetWasm` off, as it fetches from unpkg) to parse the file and tessellate every element, and
 *      serialises the result into a fragments buffer; then `FragmentsModels.load` has the fragments worker decode
 *      it;
 *   2. the camera is framed on the model's box (a viewer's fit-to-model) and `fragments.core.update(true)` lets
 *      the worker cull, choose LODs and send tile meshes to the main thread, where they become three.js meshes.
 *
 * *First geometry* is the first tile mesh added to the model's object (nothing can show before the whole file
 * has been converted); *complete* is when an update leaves the tiles unchanged. Triangles are those of the tiles
 * the viewer built for that view (its LOD may draw small far items as boxes). Node needs the shim in
 * nodeWorkerShim.ts for the fragments worker and the screen size. The package has no `exports` map, so Node would
 * take its CommonJS build (and load a second copy of three.js): its ES module build is imported, as a bundler would.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as THREE from 'three';
import { installBrowserShim, SCREEN } from './nodeWorkerShim';
import type { StackLoad } from './stack';

const NODE_MODULES = resolve(import.meta.dirname, '../../../node_modules');

export async function createThatOpenLoad(): Promise<StackLoad> {
  installBrowserShim();
  const OBC = await import('@thatopen/components/dist/index.mjs');
  const workerUrl = pathToFileURL(resolve(NODE_MODULES, '@thatopen/fragments/dist/Worker/worker.mjs')).href;

  return async (bytes, _fileName, clock) => {
    const components = new OBC.Components();
    const fragments = components.get(OBC.FragmentsManager);
    fragments.init(workerUrl);
    const loader = components.get(OBC.IfcLoader);
    await loader.setup({ autoSetWasm: false, wasm: { path: `${resolve(NODE_MODULES, 'web-ifc')}/`, absolute: true } });
    let convertedMs: number | null = null;
    let firstGeometryMs: number | null = null;
    fragments.core.models.list.onItemSet.add(({ value: model }) => {
      convertedMs ??= clock();
      model.object.addEventListener('childadded', () => {
        firstGeometryMs ??= clock();
      });
    });
    const model = await loader.load(bytes, true, 'bench');
    const camera = new THREE.PerspectiveCamera(60, SCREEN.width / SCREEN.height, 0.1, 1e7);
    model.useCamera(camera);
    frame(camera, model.box);

    let triangles = -1;
    let completeMs = clock();
    for (;;) {
      await fragments.core.update(true);
      const now = triangleCount(model.object);
      if (now === triangles) break;
      [triangles, completeMs] = [now, clock()];
      // update() is throttled to settings.maxUpdateRate; wait that long before asking whether anything changed.
      await new Promise((done) => setTimeout(done, fragments.core.settings.maxUpdateRate + 1));
    }
    components.dispose();
    return { firstGeometryMs, completeMs, triangles, extra: { convertedMs } };
  };
}

/** Looks at the box from above one corner, at the distance that fits its bounding sphere in the field of view. */
function frame(camera: THREE.PerspectiveCamera, box: THREE.Box3): void {
  const centre = box.getCenter(new THREE.Vector3());
  const radius = box.getSize(new THREE.Vector3()).length() / 2;
  const distance = radius / Math.sin(THREE.MathUtils.degToRad(camera.fov / 2));
  camera.position.copy(centre).add(new THREE.Vector3(1, 1, 1).normalize().multiplyScalar(distance));
  camera.lookAt(centre);
  camera.far = distance + 2 * radius;
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld();
}

function triangleCount(root: THREE.Object3D): number {
  let triangles = 0;
  root.traverse((object) => {
    const mesh = object as THREE.Mesh & Partial<THREE.InstancedMesh>;
    if (!mesh.isMesh) return;
    const geometry = mesh.geometry;
    const indices = geometry.index?.count ?? geometry.getAttribute('position')?.count ?? 0;
    const instances = mesh.isInstancedMesh ? mesh.count! : 1;
    triangles += (indices / 3) * instances;
  });
  return triangles;
}
