/**
 * The IDS checker's view of an open web-ifc model: lines by express id, class names as IDS writes them
 * (IFCWALL), attributes by name (web-ifc's schema classes give the order of each entity's explicit attributes,
 * so no attribute index is hard-coded per schema), subtype tests, and inverse relationships indexed once per
 * check. Reads web-ifc's raw lines only (`GetRawLineData`), which is cheaper than `GetLine`'s schema objects.
 */
import type { IfcAPI, RawLineData } from 'web-ifc';
import { FromRawLineData, InheritanceDef, SchemaNames } from 'web-ifc';
import type { StepValue } from '../../ifc/stepValues';
import { stepReference, stepReferences, stepString } from '../../ifc/stepValues';
import type { IdsIfcVersion } from '../types';

/** web-ifc's schema classes carry these besides the entity's attributes. */
const NON_ATTRIBUTES = new Set(['expressID', 'type']);
/**
 * The argument list the schema constructors are called with to learn attribute names: more entries than any IFC
 * entity has attributes, each an empty list that also reads as an untyped null value, since the constructors
 * map lists, unwrap `.value` and look up `.typecode` depending on the attribute's type.
 */
const DUMMY_ARGUMENTS: unknown[] = Array.from({ length: 64 }, () => Object.assign([], { value: null }));

type LineConstructors = Record<number, (args: unknown[]) => object>;

export class IdsModel {
  readonly schema: IdsIfcVersion;
  private readonly constructors: LineConstructors;
  private readonly subtypes: Record<number, number[]>;
  private readonly lines = new Map<number, RawLineData | null>();
  private readonly attributeNameCache = new Map<number, string[]>();
  private readonly subtypeSets = new Map<number, Set<number>>();
  private readonly classCodes = new Map<string, number | null>();
  private readonly inverseCache = new Map<string, Map<number, number[]>>();

  constructor(
    readonly api: IfcAPI,
    readonly modelId: number,
  ) {
    const schemaName = api.GetModelSchema(modelId);
    const index = SchemaNames.findIndex((names) => names?.includes(schemaName));
    this.constructors = (FromRawLineData as Record<number, LineConstructors>)[index] ?? {};
    this.subtypes = (InheritanceDef as Record<number, Record<number, number[]>>)[index] ?? {};
    this.schema = schemaName.startsWith('IFC4X') ? 'IFC4X3_ADD2' : schemaName.startsWith('IFC4') ? 'IFC4' : 'IFC2X3';
  }

  line(id: number): RawLineData | null {
    let line = this.lines.get(id);
    if (line === undefined) {
      try {
        const raw = this.api.GetRawLineData(this.modelId, id);
        line = raw && Array.isArray(raw.arguments) ? raw : null;
      } catch {
        line = null;
      }
      this.lines.set(id, line);
    }
    return line;
  }

  /** Reads many lines in one web-ifc call and keeps them. */
  preload(ids: number[]): void {
    const missing = ids.filter((id) => !this.lines.has(id));
    for (let start = 0; start < missing.length; start += 5000) {
      const batch = missing.slice(start, start + 5000);
      const lines = this.api.GetRawLinesData(this.modelId, batch);
      batch.forEach((id, i) => {
        const line = lines[i];
        this.lines.set(id, line && Array.isArray(line.arguments) ? line : null);
      });
    }
  }

  typeCode(id: number): number | null {
    return this.line(id)?.type ?? null;
  }

  /** The class name in upper case, as IDS writes it (IFCWALL). */
  className(id: number): string {
    const code = this.typeCode(id);
    return code === null ? '' : this.typeName(code);
  }

  /** The upper-case name of a class or defined type code. */
  readonly typeName = (code: number): string => this.api.GetNameFromTypeCode(code).toUpperCase();

  /** The type code of an upper-case class name when this schema has the class, else null. */
  classCode(name: string): number | null {
    let code = this.classCodes.get(name);
    if (code === undefined) {
      try {
        const found = this.api.GetTypeCodeFromName(name);
        code = found && this.constructors[found] ? found : null;
      } catch {
        code = null;
      }
      this.classCodes.set(name, code);
    }
    return code;
  }

  /** Class codes of the classes present in the model. */
  presentClassCodes(): number[] {
    return this.api.GetAllTypesOfModel(this.modelId).map((type) => type.typeID);
  }

  idsOfClass(code: number, includeSubtypes = false): number[] {
    try {
      return [...this.api.GetLineIDsWithType(this.modelId, code, includeSubtypes)];
    } catch {
      return [];
    }
  }

  idsOfClassName(name: string, includeSubtypes = false): number[] {
    const code = this.classCode(name);
    return code === null ? [] : this.idsOfClass(code, includeSubtypes);
  }

  isA(id: number, className: string): boolean {
    const code = this.typeCode(id);
    const superCode = this.classCode(className);
    if (code === null || superCode === null) return false;
    if (code === superCode) return true;
    let set = this.subtypeSets.get(superCode);
    if (!set) {
      set = new Set(this.subtypes[superCode] ?? []);
      this.subtypeSets.set(superCode, set);
    }
    return set.has(code);
  }

  /** The explicit attributes of a class, in STEP order. */
  attributeNames(code: number): string[] {
    let names = this.attributeNameCache.get(code);
    if (!names) {
      const construct = this.constructors[code];
      names = construct ? Object.keys(construct(DUMMY_ARGUMENTS)).filter((key) => !NON_ATTRIBUTES.has(key)) : [];
      this.attributeNameCache.set(code, names);
    }
    return names;
  }

  /**
   * The raw value of an explicit attribute; `undefined` when the class has no such attribute. A line shorter than
   * its class (a draft schema such as IFC4X3_RC2 without the last attributes) reads null for what it lacks.
   * web-ifc drops a derived `*` from the raw arguments, which shifts what follows: the classes where IFC writes
   * one (IfcSIUnit's Dimensions) are read from the end where it matters (units.ts).
   */
  attribute(id: number, name: string): StepValue | undefined {
    const line = this.line(id);
    if (!line) return undefined;
    const index = this.attributeNames(line.type).indexOf(name);
    if (index < 0) return undefined;
    return index < line.arguments.length ? (line.arguments[index] as StepValue) : null;
  }

  text(id: number, name: string): string | null {
    return stepString(this.attribute(id, name));
  }

  reference(id: number, name: string): number | null {
    return stepReference(this.attribute(id, name));
  }

  references(id: number, name: string): number[] {
    const value = this.attribute(id, name);
    const single = stepReference(value);
    return single === null ? stepReferences(value) : [single];
  }

  /**
   * An inverse relationship, indexed on first use: for each object named by `relatedAttribute` of the
   * relationships of `relationClass` (and its subtypes), the objects named by `relatingAttribute`, or the
   * relationship lines themselves when `relatingAttribute` is null (IfcMaterialProperties.Material).
   */
  inverse(relationClass: string, relatedAttribute: string, relatingAttribute: string | null): Map<number, number[]> {
    const key = `${relationClass}.${relatedAttribute}.${relatingAttribute}`;
    let index = this.inverseCache.get(key);
    if (!index) {
      index = new Map();
      const relations = this.idsOfClassName(relationClass, true);
      this.preload(relations);
      for (const relation of relations) {
        const relating = relatingAttribute === null ? [relation] : this.references(relation, relatingAttribute);
        for (const related of this.references(relation, relatedAttribute)) {
          const list = index.get(related);
          if (list) list.push(...relating);
          else index.set(related, [...relating]);
        }
      }
      this.inverseCache.set(key, index);
    }
    return index;
  }

  /** The first object `id` is related to through an inverse relationship, or null. */
  related(id: number, relationClass: string, relatedAttribute: string, relatingAttribute: string): number | null {
    return this.inverse(relationClass, relatedAttribute, relatingAttribute).get(id)?.[0] ?? null;
  }
}
