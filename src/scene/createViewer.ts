import {
  buildModuleUrl,
  Color,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
  CesiumWidget,
} from '@cesium/engine';
import '@cesium/engine/Source/Widget/CesiumWidget.css';

/**
 * A Cesium scene that never leaves localhost: no ion token, no online imagery or terrain, no geocoder.
 * Global context comes from the NaturalEarthII imagery bundled with Cesium (served from our origin); the city
 * basemap is drawn from our own vector layers on top. The ground is the WGS 84 ellipsoid (no terrain): the demo
 * city's buildings stand at ellipsoidal height 0.
 *
 * `CesiumWidget` from @cesium/engine, not the `Viewer` of @cesium/widgets: our React shell is the UI, and the
 * widgets' knockout bindings evaluate strings as code, which the app's Content-Security-Policy forbids.
 */
export function createViewer(container: HTMLElement, creditContainer: HTMLElement): CesiumWidget {
  Ion.defaultAccessToken = '';
  const viewer = new CesiumWidget(container, {
    baseLayer: ImageryLayer.fromProviderAsync(
      TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
    ),
    terrainProvider: new EllipsoidTerrainProvider(),
    creditContainer,
    scene3DOnly: true,
    // Render only when something changes: an idle city costs no CPU, which matters on a briefing PC.
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
  });
  const { scene } = viewer;
  // A warm neutral ground below the district, so the vector basemap reads well where NaturalEarthII is coarse.
  scene.globe.baseColor = Color.fromCssColorString('#e8e4da');
  scene.globe.showGroundAtmosphere = true;
  scene.globe.depthTestAgainstTerrain = false;
  scene.screenSpaceCameraController.minimumZoomDistance = 20;
  return viewer;
}
