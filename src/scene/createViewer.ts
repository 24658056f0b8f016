import {
  buildModuleUrl,
  Color,
  EllipsoidTerrainProvider,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
  Viewer,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';

/**
 * A Cesium viewer that never leaves localhost: no ion token, no online imagery or terrain, no geocoder.
 * Global context comes from the NaturalEarthII imagery bundled with Cesium (served from our origin); the city
 * basemap is drawn from our own vector layers on top. The ground is the WGS 84 ellipsoid (no terrain): the demo
 * city's buildings stand at ellipsoidal height 0.
 */
export function createViewer(container: HTMLElement, creditContainer: HTMLElement): Viewer {
  Ion.defaultAccessToken = '';
  const viewer = new Viewer(container, {
    baseLayer: ImageryLayer.fromProviderAsync(
      TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
    ),
    terrainProvider: new EllipsoidTerrainProvider(),
    baseLayerPicker: false,
    geocoder: false,
    homeButton: false,
    sceneModePicker: false,
    navigationHelpButton: false,
    animation: false,
    timeline: false,
    fullscreenButton: false,
    infoBox: false,
    selectionIndicator: false,
    creditContainer,
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
