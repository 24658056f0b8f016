/** A viewpoint → BCF 3.0 .bcfv, elements in visinfo.xsd's sequence order. */
import type { BcfCamera, BcfComponent, BcfComponents, BcfVector, BcfViewpoint } from '../types';
import type { XmlNode } from '../xml/writeXml';
import { element, leaf, list } from '../xml/writeXml';
import type { EntryWriter } from './EntryWriter';

export function visinfoXml(w: EntryWriter, viewpoint: BcfViewpoint): string {
  if (!viewpoint.camera) throw w.fail(`điểm nhìn ${viewpoint.guid} không có camera, BCF 3.0 bắt buộc phải có`, `the viewpoint ${viewpoint.guid} has no camera, which BCF 3.0 requires`);
  return w.serialize(
    element(
      'VisualizationInfo',
      [['Guid', w.guid(viewpoint.guid, 'VisualizationInfo Guid')]],
      [
        componentsXml(w, viewpoint.components),
        cameraXml(w, viewpoint.camera),
        list(
          'Lines',
          viewpoint.lines.map((line) => element('Line', [], [w.vector('StartPoint', line.start, '<StartPoint>'), w.vector('EndPoint', line.end, '<EndPoint>')])),
        ),
        list(
          'ClippingPlanes',
          viewpoint.clippingPlanes.map((plane) =>
            element('ClippingPlane', [], [w.vector('Location', plane.location, '<Location>'), w.vector('Direction', plane.direction, 'ClippingPlane <Direction>')]),
          ),
        ),
      ],
    ),
  );
}

function componentsXml(w: EntryWriter, components: BcfComponents): XmlNode {
  const componentList = (items: BcfComponent[]) => items.map((component) => componentXml(w, component));
  const { visibility } = components;
  const hints = visibility.viewSetupHints;
  return element(
    'Components',
    [],
    [
      list('Selection', componentList(components.selection)),
      element(
        'Visibility',
        [['DefaultVisibility', String(visibility.defaultVisibility)]],
        [
          hints &&
            element('ViewSetupHints', [
              ['SpacesVisible', String(hints.spacesVisible)],
              ['SpaceBoundariesVisible', String(hints.spaceBoundariesVisible)],
              ['OpeningsVisible', String(hints.openingsVisible)],
            ]),
          list('Exceptions', componentList(visibility.exceptions)),
        ],
      ),
      list(
        'Coloring',
        components.coloring.map((coloring) => {
          // visinfo.xsd: "At least one component is required for a Color."
          if (coloring.components.length === 0) throw w.fail(`màu ${coloring.color} không gán cho cấu kiện nào`, `the colour ${coloring.color} is given to no component`);
          return element('Color', [['Color', w.color(coloring.color)]], [element('Components', [], componentList(coloring.components))]);
        }),
      ),
    ],
  );
}

function componentXml(w: EntryWriter, component: BcfComponent): XmlNode {
  if (component.ifcGuid === null && component.authoringToolId === null) throw w.fail('một cấu kiện không có IfcGuid lẫn AuthoringToolId', 'a component has neither IfcGuid nor AuthoringToolId');
  return element(
    'Component',
    [['IfcGuid', w.ifcGuid(component.ifcGuid, 'IfcGuid')]],
    [leaf('OriginatingSystem', w.optionalText(component.originatingSystem, '<OriginatingSystem>')), leaf('AuthoringToolId', w.optionalText(component.authoringToolId, '<AuthoringToolId>'))],
  );
}

function cameraXml(w: EntryWriter, camera: BcfCamera): XmlNode {
  // BCF 3.0 camera note 2: direction and up must be non-zero and not parallel.
  const cross = crossLength(camera.direction, camera.up);
  if (!(cross > 1e-9 * length(camera.direction) * length(camera.up))) {
    throw w.fail('hướng nhìn và vector "lên" của camera bằng không hoặc song song', "the camera's direction and up vectors are zero or parallel");
  }
  if (!(camera.aspectRatio > 0)) throw w.fail(`AspectRatio ${camera.aspectRatio} phải dương`, `AspectRatio ${camera.aspectRatio} must be positive`);
  const head = [
    w.vector('CameraViewPoint', camera.position, '<CameraViewPoint>'),
    w.vector('CameraDirection', camera.direction, '<CameraDirection>'),
    w.vector('CameraUpVector', camera.up, '<CameraUpVector>'),
  ];
  const aspectRatio = leaf('AspectRatio', w.number(camera.aspectRatio, '<AspectRatio>'));
  if (camera.kind === 'orthogonal') return element('OrthogonalCamera', [], [...head, leaf('ViewToWorldScale', w.number(camera.viewToWorldScale, '<ViewToWorldScale>')), aspectRatio]);
  if (!(camera.fieldOfView > 0 && camera.fieldOfView < 180)) throw w.fail(`FieldOfView ${camera.fieldOfView}° phải nằm giữa 0° và 180°`, `FieldOfView ${camera.fieldOfView}° must lie between 0° and 180°`);
  return element('PerspectiveCamera', [], [...head, leaf('FieldOfView', w.number(camera.fieldOfView, '<FieldOfView>')), aspectRatio]);
}

const length = (v: BcfVector) => Math.hypot(v[0], v[1], v[2]);
const crossLength = (a: BcfVector, b: BcfVector) => Math.hypot(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
