/**
 * The baseline the app's start-up is measured against: a stock Cesium `Viewer` loading the demo buildings tileset
 * with the app's offline settings (no ion token, bundled NaturalEarthII imagery, no geocoder) and the same
 * performance marks, so that `npm run bench:startup` reports what the app adds on top of Cesium itself.
 */
import {
  Cesium3DTileset,
  ImageryLayer,
  Ion,
  TileMapServiceImageryProvider,
  Viewer,
  buildModuleUrl,
} from 'cesium';
import 'cesium/Build/Cesium/Widgets/widgets.css';

Ion.defaultAccessToken = '';

const viewer = new Viewer('cesiumContainer', {
  baseLayer: ImageryLayer.fromProviderAsync(
    TileMapServiceImageryProvider.fromUrl(buildModuleUrl('Assets/Textures/NaturalEarthII')),
  ),
  baseLayerPicker: false,
  geocoder: false,
});

const removeFirstFrame = viewer.scene.postRender.addEventListener(() => {
  removeFirstFrame();
  performance.mark('sao:first-frame');
});

const tileset = await Cesium3DTileset.fromUrl('/demo/buildings/tileset.json');
viewer.scene.primitives.add(tileset);
const removeTilesLoaded = tileset.allTilesLoaded.addEventListener(() => {
  removeTilesLoaded();
  performance.mark('sao:tiles-loaded');
});
await viewer.flyTo(tileset);
