/**
 * The 3D Metadata schema of Sao's IFC tilesets, embedded in tileset.json (class `ifcModel`: the tileset's own
 * metadata) and in every glb (class `ifcElement`: one property-table row per feature, i.e. per IFC element).
 *
 * Optional text properties use '' as noData (IFC leaves Name, ObjectType … unset often); the IFC logicals
 * LoadBearing and IsExternal are an enum with NOT_STATED as noData, because a 3D Metadata BOOLEAN has no noData
 * and "no property set says" differs from FALSE. `ID` and `NAME` are the general semantics of the 3D Metadata
 * Semantic Reference.
 */
import type { MetadataClassProperty, MetadataSchema } from '../metadata/propertyTable';

export const IFC_ELEMENT_CLASS = 'ifcElement';
export const IFC_MODEL_CLASS = 'ifcModel';

const text = (description: string): MetadataClassProperty => ({ description, type: 'STRING', noData: '' });
const requiredText = (description: string): MetadataClassProperty => ({ description, type: 'STRING', required: true });
const float64 = (description: string): MetadataClassProperty => ({ description, type: 'SCALAR', componentType: 'FLOAT64', required: true });

export const IFC_TILES_SCHEMA: MetadataSchema = {
  id: 'sao_ifc_tiles',
  name: 'Sao IFC tiles',
  description: 'IFC elements converted to 3D Tiles by Sao ifc2tiles; one feature per element.',
  version: '1.0.0',
  enums: {
    ifcLogical: {
      description: 'IfcLogical, and NOT_STATED when no property set states the property.',
      valueType: 'UINT8',
      values: [
        { name: 'FALSE', value: 0 },
        { name: 'TRUE', value: 1 },
        { name: 'UNKNOWN', value: 2 },
        { name: 'NOT_STATED', value: 255 },
      ],
    },
  },
  classes: {
    [IFC_ELEMENT_CLASS]: {
      name: 'IFC element',
      properties: {
        globalId: { ...requiredText('IfcRoot.GlobalId'), semantic: 'ID' },
        ifcClass: requiredText('The IFC entity, e.g. IfcWall'),
        name: { ...text('IfcRoot.Name'), semantic: 'NAME' },
        storey: text('Name of the IfcBuildingStorey that contains the element'),
        objectType: text('IfcObject.ObjectType'),
        predefinedType: text('PredefinedType of the element'),
        loadBearing: { description: 'Pset_<Class>Common.LoadBearing', type: 'ENUM', enumType: 'ifcLogical', noData: 'NOT_STATED' },
        isExternal: { description: 'Pset_<Class>Common.IsExternal', type: 'ENUM', enumType: 'ifcLogical', noData: 'NOT_STATED' },
        fireRating: text('Pset_<Class>Common.FireRating'),
        expressId: { description: 'STEP instance number (#id) in the source file', type: 'SCALAR', componentType: 'UINT32', required: true },
      },
    },
    [IFC_MODEL_CLASS]: {
      name: 'IFC model',
      properties: {
        sourceFile: requiredText('File name of the IFC model'),
        sourceSha256: requiredText('SHA-256 of the IFC file, hex'),
        ifcSchema: requiredText('FILE_SCHEMA as written, e.g. IFC4'),
        projectGlobalId: text('GlobalId of the IfcProject'),
        projectName: text('IfcProject.Name'),
        placementMethod: requiredText('What placed the model: IfcMapConversion, ePSet_MapConversion, IfcSite or manual'),
        placementTrust: requiredText('high, medium, low or unverified'),
        placementVerified: { description: 'False for a placement made by hand', type: 'BOOLEAN', required: true },
        crs: text('The CRS of the map conversion, e.g. EPSG:5897'),
        originLongitude: float64('WGS 84 longitude of the project origin, degrees'),
        originLatitude: float64('WGS 84 latitude of the project origin, degrees'),
        headingDegrees: float64('Clockwise angle from true north to the project +y axis, degrees'),
        elementCount: { description: 'Features (IFC elements with geometry) in the tileset', type: 'SCALAR', componentType: 'UINT32', required: true },
        converter: requiredText('The program that wrote the tileset'),
      },
    },
  },
};
