import { Cartesian3, Cartographic, Math as CesiumMath, Rectangle, type Camera } from '@cesium/engine';
import type { GeoExtent } from '../gis/types';
import type { CameraPose } from '../state';

export function poseOf(camera: Camera): CameraPose {
  const c = camera.positionCartographic;
  return {
    lon: CesiumMath.toDegrees(c.longitude),
    lat: CesiumMath.toDegrees(c.latitude),
    height: c.height,
    heading: CesiumMath.toDegrees(CesiumMath.zeroToTwoPi(camera.heading)),
    pitch: CesiumMath.toDegrees(camera.pitch),
    roll: CesiumMath.toDegrees(CesiumMath.zeroToTwoPi(camera.roll)) % 360,
  };
}

export function viewOf(pose: CameraPose) {
  return {
    destination: Cartesian3.fromDegrees(pose.lon, pose.lat, pose.height),
    orientation: {
      heading: CesiumMath.toRadians(pose.heading),
      pitch: CesiumMath.toRadians(pose.pitch),
      roll: CesiumMath.toRadians(pose.roll),
    },
  };
}

/** Oblique view of a district from the south: the way a planner looks at a block, not straight down. */
const HOME_PITCH_DEG = -38;

export function homePose(extent: GeoExtent): CameraPose {
  const center = Rectangle.center(Rectangle.fromDegrees(extent.west, extent.south, extent.east, extent.north));
  const spanMeters = Math.max(
    (extent.east - extent.west) * 111_320 * Math.cos(center.latitude),
    (extent.north - extent.south) * 110_574,
  );
  // Far enough that the whole district fits a 60° field of view, looking at its centre.
  const distance = spanMeters * 1.25;
  const pitch = CesiumMath.toRadians(-HOME_PITCH_DEG);
  const southOffsetDeg = (distance * Math.cos(pitch)) / 110_574;
  return {
    lon: CesiumMath.toDegrees(center.longitude),
    lat: CesiumMath.toDegrees(center.latitude) - southOffsetDeg,
    height: distance * Math.sin(pitch),
    heading: 0,
    pitch: HOME_PITCH_DEG,
    roll: 0,
  };
}

/** The overview the app starts from before flying in: Vietnam from high above. */
export const VIETNAM_OVERVIEW: CameraPose = { lon: 106.0, lat: 16.0, height: 4_500_000, heading: 0, pitch: -90, roll: 0 };

export function groundPosition(cartesian: Cartesian3 | undefined): { lon: number; lat: number } | null {
  if (!cartesian) return null;
  const c = Cartographic.fromCartesian(cartesian);
  return { lon: CesiumMath.toDegrees(c.longitude), lat: CesiumMath.toDegrees(c.latitude) };
}
