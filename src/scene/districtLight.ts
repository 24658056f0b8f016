import { Cartesian3, DirectionalLight, Matrix4, Rectangle, Transforms, Cartographic } from '@cesium/engine';
import type { GeoExtent } from '../gis/types';

/**
 * A fixed, late-morning light over the district (from the south-east, 50° high) instead of the real sun of the
 * moment: walls and roofs keep readable contrast whatever the clock says, e.g. in an evening briefing.
 */
const LIGHT_FROM_ENU = new Cartesian3(0.45, -0.45, 0.77);

export function districtLight(extent: GeoExtent): DirectionalLight {
  const center = Rectangle.center(Rectangle.fromDegrees(extent.west, extent.south, extent.east, extent.north));
  const enu = Transforms.eastNorthUpToFixedFrame(Cartographic.toCartesian(center));
  const toward = Matrix4.multiplyByPointAsVector(enu, LIGHT_FROM_ENU, new Cartesian3());
  // A light's direction is the way its rays travel: from the sky down onto the city.
  const direction = Cartesian3.normalize(Cartesian3.negate(toward, toward), toward);
  return new DirectionalLight({ direction, intensity: 2.2 });
}
