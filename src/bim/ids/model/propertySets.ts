/**
 * The property and quantity sets of an object as IDS sees them: the type object's sets, overridden property by
 * property by the occurrence's own (IfcRelDefinesByProperties); a type object's HasPropertySets; IFC4+
 * IfcMaterialProperties / IfcProfileProperties of materials and profiles; and predefined property sets
 * (IfcDoorPanelProperties …) whose attributes count as properties. Values are converted to SI units.
 */
import type { StepValue } from '../../ifc/stepValues';
import { stepList } from '../../ifc/stepValues';
import type { IfcValue } from '../values/matchValue';
import { isEmptyValue, toIfcValue } from '../values/stepToIfcValue';
import type { IdsModel } from './IdsModel';
import { typeObjectOf } from './objectType';
import type { ModelUnits } from './units';

/** One column or bound of a property: its defined type and its non-empty values (SI units). */
export interface PropertyValues {
  dataType: string | null;
  values: IfcValue[];
}

export interface PropertyInfo {
  name: string;
  /** Complex and reference properties, which IDS does not check. */
  supported: boolean;
  /** One group per column (table) or per value (others); predefined-set attributes have no data type. */
  groups: PropertyValues[];
  /** Predefined property sets declare types in the schema, not in the file: their data type is not checked. */
  predefined: boolean;
}

export interface PropertySetInfo {
  name: string;
  properties: Map<string, PropertyInfo>;
}

const QUANTITY_MEASURE: Record<string, string> = {
  IFCQUANTITYLENGTH: 'IFCLENGTHMEASURE',
  IFCQUANTITYAREA: 'IFCAREAMEASURE',
  IFCQUANTITYVOLUME: 'IFCVOLUMEMEASURE',
  IFCQUANTITYCOUNT: 'IFCCOUNTMEASURE',
  IFCQUANTITYWEIGHT: 'IFCMASSMEASURE',
  IFCQUANTITYTIME: 'IFCTIMEMEASURE',
  IFCQUANTITYNUMBER: 'IFCNUMERICMEASURE',
};

/** Attributes of IfcPropertySetDefinition itself, not properties of a predefined set. */
const ROOT_ATTRIBUTES = new Set(['GlobalId', 'OwnerHistory', 'Name', 'Description']);

export class PropertySetReader {
  /** Sets are shared (a type's sets by all its occurrences): each is read once per check. */
  private readonly sets = new Map<number, PropertySetInfo | null>();

  constructor(
    private readonly model: IdsModel,
    private readonly units: ModelUnits,
  ) {}

  setsOf(id: number): PropertySetInfo[] {
    const model = this.model;
    const byName = new Map<string, PropertySetInfo>();
    const add = (setId: number) => {
      const set = this.cachedSet(setId);
      if (!set) return;
      const existing = byName.get(set.name);
      if (existing) for (const [name, property] of set.properties) existing.properties.set(name, property);
      else byName.set(set.name, { name: set.name, properties: new Map(set.properties) });
    };
    const type = model.isA(id, 'IFCTYPEOBJECT') ? id : typeObjectOf(model, id);
    if (type !== null) model.references(type, 'HasPropertySets').forEach(add);
    if (type !== id) {
      // IFC4's IfcPropertySetDefinitionSet (a list of sets) arrives as several references.
      (model.inverse('IFCRELDEFINESBYPROPERTIES', 'RelatedObjects', 'RelatingPropertyDefinition').get(id) ?? []).forEach(add);
    }
    if (model.schema !== 'IFC2X3') {
      (model.inverse('IFCMATERIALPROPERTIES', 'Material', null).get(id) ?? []).forEach(add);
      (model.inverse('IFCPROFILEPROPERTIES', 'ProfileDefinition', null).get(id) ?? []).forEach(add);
    }
    return [...byName.values()];
  }

  private cachedSet(setId: number): PropertySetInfo | null {
    let set = this.sets.get(setId);
    if (set === undefined) {
      set = this.readSet(setId);
      this.sets.set(setId, set);
    }
    return set;
  }

  private readSet(setId: number): PropertySetInfo | null {
    const model = this.model;
    const name = model.text(setId, 'Name');
    if (name === null) return null;
    const className = model.className(setId);
    const properties = new Map<string, PropertyInfo>();
    if (className === 'IFCPROPERTYSET' || className === 'IFCMATERIALPROPERTIES' || className === 'IFCPROFILEPROPERTIES' || className === 'IFCELEMENTQUANTITY') {
      const members = model.references(setId, className === 'IFCPROPERTYSET' ? 'HasProperties' : className === 'IFCELEMENTQUANTITY' ? 'Quantities' : 'Properties');
      model.preload(members);
      for (const member of members) {
        const property = this.readProperty(member);
        if (property) properties.set(property.name, property);
      }
    } else if (model.isA(setId, 'IFCPREDEFINEDPROPERTYSET')) {
      const code = model.typeCode(setId);
      for (const attribute of code === null ? [] : model.attributeNames(code)) {
        if (ROOT_ATTRIBUTES.has(attribute)) continue;
        const { value } = toIfcValue(model.attribute(setId, attribute) ?? null, model.typeName);
        properties.set(attribute, { name: attribute, supported: true, predefined: true, groups: [{ dataType: null, values: isEmptyValue(value) ? [] : [value!] }] });
      }
    } else {
      return null;
    }
    return { name, properties };
  }

  private readProperty(id: number): PropertyInfo | null {
    const model = this.model;
    const name = model.text(id, 'Name');
    if (name === null) return null;
    const className = model.className(id);
    const measure = QUANTITY_MEASURE[className];
    const unit = model.reference(id, 'Unit');
    const single = (raw: StepValue | undefined, unitId = unit) => this.values([raw ?? null], unitId, measure);
    let groups: PropertyValues[];
    switch (className) {
      case 'IFCPROPERTYSINGLEVALUE':
        groups = [single(model.attribute(id, 'NominalValue'))];
        break;
      case 'IFCPROPERTYENUMERATEDVALUE':
        groups = [this.values(stepList(model.attribute(id, 'EnumerationValues') ?? null), null)];
        break;
      case 'IFCPROPERTYLISTVALUE':
        groups = [this.values(stepList(model.attribute(id, 'ListValues') ?? null), unit)];
        break;
      case 'IFCPROPERTYBOUNDEDVALUE':
        groups = ['UpperBoundValue', 'LowerBoundValue', 'SetPointValue'].map((attribute) => single(model.attribute(id, attribute)));
        break;
      case 'IFCPROPERTYTABLEVALUE':
        groups = [
          this.values(stepList(model.attribute(id, 'DefiningValues') ?? null), model.reference(id, 'DefiningUnit')),
          this.values(stepList(model.attribute(id, 'DefinedValues') ?? null), model.reference(id, 'DefinedUnit')),
        ];
        break;
      default:
        if (!measure) return { name, supported: false, predefined: false, groups: [] };
        groups = [single(model.attribute(id, model.attributeNames(model.typeCode(id)!)[3] ?? ''))];
    }
    return { name, supported: true, predefined: false, groups: groups.filter((group) => group.values.length > 0) };
  }

  /** Raw values → typed SI values; `measure` types the untyped value of a quantity. */
  private values(raws: StepValue[], unitId: number | null, measure?: string): PropertyValues {
    let dataType: string | null = measure ?? null;
    const values: IfcValue[] = [];
    for (const raw of raws) {
      const typed = toIfcValue(raw, this.model.typeName);
      dataType = typed.dataType ?? dataType;
      if (isEmptyValue(typed.value)) continue;
      values.push(this.toSi(typed.value!, typed.dataType ?? measure ?? null, unitId));
    }
    return { dataType, values };
  }

  private toSi(value: IfcValue, dataType: string | null, unitId: number | null): IfcValue {
    if ((value.kind !== 'real' && value.kind !== 'integer') || dataType === null) return value;
    const { factor, offset } = this.units.scale(dataType, unitId);
    return factor === 1 && offset === 0 ? value : { kind: 'real', value: value.value * factor + offset };
  }
}
