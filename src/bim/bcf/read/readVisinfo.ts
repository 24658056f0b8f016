/**
 * A viewpoint file (.bcfv) → camera, components, lines and clipping planes. One reader serves both versions:
 * 2.1 keeps ViewSetupHints on Components and lists coloured components directly in `Color`; 3.0 moves the hints
 * into Visibility and wraps them in `Color/Components`. 2.1 cameras have no AspectRatio: BCF 3.0 says to assume
 * 1.0 when reading earlier versions (Documentation, "Camera", implementation note 1). Bitmaps are not read.
 */
import { COLOR } from '../patterns';
import type { BcfCamera, BcfComponent, BcfComponents, BcfViewpoint } from '../types';
import type { EntryReader, XmlElement } from '../xml/EntryReader';

export type VisinfoContent = Pick<BcfViewpoint, 'camera' | 'components' | 'lines' | 'clippingPlanes'>;

export function readVisinfo(reader: EntryReader): VisinfoContent {
  const info = reader.expectRoot('VisualizationInfo');
  return {
    camera: readCamera(reader, info),
    components: readComponents(reader, reader.child(info, 'Components')),
    lines: reader.children(reader.child(info, 'Lines'), 'Line').map((line) => ({ start: reader.vector(line, 'StartPoint'), end: reader.vector(line, 'EndPoint') })),
    clippingPlanes: reader
      .children(reader.child(info, 'ClippingPlanes'), 'ClippingPlane')
      .map((plane) => ({ location: reader.vector(plane, 'Location'), direction: reader.vector(plane, 'Direction') })),
  };
}

function readCamera(reader: EntryReader, info: XmlElement): BcfCamera | null {
  const perspective = reader.child(info, 'PerspectiveCamera');
  const orthogonal = reader.child(info, 'OrthogonalCamera');
  const camera = perspective ?? orthogonal;
  if (!camera) return null;
  const base = {
    position: reader.vector(camera, 'CameraViewPoint'),
    direction: reader.vector(camera, 'CameraDirection'),
    up: reader.vector(camera, 'CameraUpVector'),
    aspectRatio: reader.child(camera, 'AspectRatio') ? reader.double(camera, 'AspectRatio') : 1,
  };
  if (!(base.aspectRatio > 0)) throw reader.fail(camera, `AspectRatio ${base.aspectRatio} phải dương`, `AspectRatio ${base.aspectRatio} must be positive`);
  if (!perspective) return { kind: 'orthogonal', ...base, viewToWorldScale: reader.double(camera, 'ViewToWorldScale') };
  const fieldOfView = reader.double(camera, 'FieldOfView');
  if (!(fieldOfView > 0 && fieldOfView < 180)) {
    throw reader.fail(camera, `góc nhìn FieldOfView ${fieldOfView}° phải nằm giữa 0° và 180°`, `FieldOfView ${fieldOfView}° must lie between 0° and 180°`);
  }
  return { kind: 'perspective', ...base, fieldOfView };
}

function readComponents(reader: EntryReader, components: XmlElement | undefined): BcfComponents {
  const list = (parent: XmlElement | undefined) => reader.children(parent, 'Component').map((component) => readComponent(reader, component));
  const visibility = components && reader.child(components, 'Visibility');
  const hints = (visibility && reader.child(visibility, 'ViewSetupHints')) ?? (components && reader.child(components, 'ViewSetupHints'));
  return {
    selection: list(components && reader.child(components, 'Selection')),
    visibility: {
      // No Visibility at all reads as "everything visible"; a Visibility without the attribute takes the XSD's false.
      defaultVisibility: visibility ? reader.boolean(visibility, 'DefaultVisibility', false) : true,
      exceptions: list(visibility && reader.child(visibility, 'Exceptions')),
      viewSetupHints: hints
        ? {
            spacesVisible: reader.boolean(hints, 'SpacesVisible', false),
            spaceBoundariesVisible: reader.boolean(hints, 'SpaceBoundariesVisible', false),
            openingsVisible: reader.boolean(hints, 'OpeningsVisible', false),
          }
        : null,
    },
    coloring: reader.children(components && reader.child(components, 'Coloring'), 'Color').map((color) => {
      const value = reader.requiredAttribute(color, 'Color').trim();
      if (!COLOR.test(value)) throw reader.fail(color, `màu "${value}" không phải dạng hex RRGGBB hoặc AARRGGBB`, `the colour "${value}" is not RRGGBB or AARRGGBB hex`);
      return { color: value.toUpperCase(), components: list(reader.child(color, 'Components') ?? color) };
    }),
  };
}

function readComponent(reader: EntryReader, component: XmlElement): BcfComponent {
  const ifcGuid = reader.ifcGuid(component, 'IfcGuid');
  const authoringToolId = reader.text(component, 'AuthoringToolId');
  if (ifcGuid === null && authoringToolId === null) {
    throw reader.fail(component, '<Component> không có IfcGuid lẫn AuthoringToolId', '<Component> has neither IfcGuid nor AuthoringToolId');
  }
  return { ifcGuid, originatingSystem: reader.text(component, 'OriginatingSystem'), authoringToolId };
}
