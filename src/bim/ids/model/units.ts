/**
 * IDS compares measures in SI units (IDS 1.0 units table: metre, square metre, kilogram, kelvin, radian …), so a
 * value stored in the project's units, or in a unit the property names itself, is converted first. Units are
 * read from IfcProject.UnitsInContext (or the property's own Unit): IfcSIUnit with prefix, IfcConversionBasedUnit
 * (feet, degrees …, with an offset for IfcConversionBasedUnitWithOffset) and IfcDerivedUnit (products of powers).
 */
import { stepArgument, stepNumber, stepString } from '../../ifc/stepValues';
import type { IdsModel } from './IdsModel';

/** SI value = value × factor + offset. */
export interface UnitScale {
  factor: number;
  offset: number;
}

const IDENTITY: UnitScale = { factor: 1, offset: 0 };

/** The unit type (IfcUnitEnum / IfcDerivedUnitEnum) each IFC measure is expressed in. */
const MEASURE_UNIT: Record<string, string> = {
  IFCLENGTHMEASURE: 'LENGTHUNIT',
  IFCPOSITIVELENGTHMEASURE: 'LENGTHUNIT',
  IFCNONNEGATIVELENGTHMEASURE: 'LENGTHUNIT',
  IFCAREAMEASURE: 'AREAUNIT',
  IFCVOLUMEMEASURE: 'VOLUMEUNIT',
  IFCPLANEANGLEMEASURE: 'PLANEANGLEUNIT',
  IFCPOSITIVEPLANEANGLEMEASURE: 'PLANEANGLEUNIT',
  IFCSOLIDANGLEMEASURE: 'SOLIDANGLEUNIT',
  IFCMASSMEASURE: 'MASSUNIT',
  IFCTIMEMEASURE: 'TIMEUNIT',
  IFCTHERMODYNAMICTEMPERATUREMEASURE: 'THERMODYNAMICTEMPERATUREUNIT',
  IFCELECTRICCURRENTMEASURE: 'ELECTRICCURRENTUNIT',
  IFCAMOUNTOFSUBSTANCEMEASURE: 'AMOUNTOFSUBSTANCEUNIT',
  IFCLUMINOUSINTENSITYMEASURE: 'LUMINOUSINTENSITYUNIT',
  IFCLUMINOUSFLUXMEASURE: 'LUMINOUSFLUXUNIT',
  IFCILLUMINANCEMEASURE: 'ILLUMINANCEUNIT',
  IFCFORCEMEASURE: 'FORCEUNIT',
  IFCPRESSUREMEASURE: 'PRESSUREUNIT',
  IFCPLANARFORCEMEASURE: 'PLANARFORCEUNIT',
  IFCENERGYMEASURE: 'ENERGYUNIT',
  IFCPOWERMEASURE: 'POWERUNIT',
  IFCFREQUENCYMEASURE: 'FREQUENCYUNIT',
  IFCELECTRICVOLTAGEMEASURE: 'ELECTRICVOLTAGEUNIT',
  IFCELECTRICRESISTANCEMEASURE: 'ELECTRICRESISTANCEUNIT',
  IFCELECTRICCAPACITANCEMEASURE: 'ELECTRICCAPACITANCEUNIT',
  IFCELECTRICCHARGEMEASURE: 'ELECTRICCHARGEUNIT',
  IFCELECTRICCONDUCTANCEMEASURE: 'ELECTRICCONDUCTANCEUNIT',
  IFCINDUCTANCEMEASURE: 'INDUCTANCEUNIT',
  IFCMAGNETICFLUXMEASURE: 'MAGNETICFLUXUNIT',
  IFCMAGNETICFLUXDENSITYMEASURE: 'MAGNETICFLUXDENSITYUNIT',
  IFCABSORBEDDOSEMEASURE: 'ABSORBEDDOSEUNIT',
  IFCDOSEEQUIVALENTMEASURE: 'DOSEEQUIVALENTUNIT',
  IFCRADIOACTIVITYMEASURE: 'RADIOACTIVITYUNIT',
  IFCMASSDENSITYMEASURE: 'MASSDENSITYUNIT',
  IFCMASSFLOWRATEMEASURE: 'MASSFLOWRATEUNIT',
  IFCMASSPERLENGTHMEASURE: 'MASSPERLENGTHUNIT',
  IFCLINEARVELOCITYMEASURE: 'LINEARVELOCITYUNIT',
  IFCACCELERATIONMEASURE: 'ACCELERATIONUNIT',
  IFCVOLUMETRICFLOWRATEMEASURE: 'VOLUMETRICFLOWRATEUNIT',
  IFCTHERMALTRANSMITTANCEMEASURE: 'THERMALTRANSMITTANCEUNIT',
  IFCTHERMALCONDUCTIVITYMEASURE: 'THERMALCONDUCTANCEUNIT',
  IFCTHERMALRESISTANCEMEASURE: 'THERMALRESISTANCEUNIT',
  IFCHEATFLUXDENSITYMEASURE: 'HEATFLUXDENSITYUNIT',
  IFCSPECIFICHEATCAPACITYMEASURE: 'SPECIFICHEATCAPACITYUNIT',
  IFCMOMENTOFINERTIAMEASURE: 'MOMENTOFINERTIAUNIT',
  IFCSECTIONMODULUSMEASURE: 'SECTIONMODULUSUNIT',
  IFCLINEARFORCEMEASURE: 'LINEARFORCEUNIT',
  IFCLINEARMOMENTMEASURE: 'LINEARMOMENTUNIT',
  IFCTORQUEMEASURE: 'TORQUEUNIT',
  IFCMODULUSOFELASTICITYMEASURE: 'MODULUSOFELASTICITYUNIT',
  IFCDYNAMICVISCOSITYMEASURE: 'DYNAMICVISCOSITYUNIT',
  IFCKINEMATICVISCOSITYMEASURE: 'KINEMATICVISCOSITYUNIT',
  IFCANGULARVELOCITYMEASURE: 'ANGULARVELOCITYUNIT',
  IFCCURVATUREMEASURE: 'CURVATUREUNIT',
  IFCSOUNDPOWERMEASURE: 'SOUNDPOWERUNIT',
  IFCSOUNDPRESSUREMEASURE: 'SOUNDPRESSUREUNIT',
};

const SI_PREFIX: Readonly<Record<string, number>> = {
  EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 1e2, DECA: 1e1,
  DECI: 1e-1, CENTI: 1e-2, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9, PICO: 1e-12, FEMTO: 1e-15, ATTO: 1e-18,
};

/** Depth limit for units defined through other units: a unit referring to itself must not recurse forever. */
const MAX_DEPTH = 6;

export class ModelUnits {
  private projectUnits: Map<string, number> | null = null;
  private readonly scales = new Map<number, UnitScale | null>();

  constructor(private readonly model: IdsModel) {}

  /** Whether values of this IFC defined type are converted (it is a measure with a unit). */
  static isMeasure(dataType: string): boolean {
    return dataType in MEASURE_UNIT;
  }

  /**
   * The conversion to SI for a value of `dataType`: through `unitId` when the property names a unit, else the
   * project's unit for that measure, else none (the value is already SI).
   */
  scale(dataType: string, unitId: number | null): UnitScale {
    const unitType = MEASURE_UNIT[dataType];
    if (!unitType) return IDENTITY;
    const id = unitId ?? this.project().get(unitType) ?? null;
    return id === null ? IDENTITY : (this.unitScale(id, 0) ?? IDENTITY);
  }

  private project(): Map<string, number> {
    if (this.projectUnits) return this.projectUnits;
    const units = new Map<string, number>();
    const project = this.model.idsOfClassName('IFCPROJECT')[0];
    const assignment = project === undefined ? null : this.model.reference(project, 'UnitsInContext');
    for (const unit of assignment === null ? [] : this.model.references(assignment, 'Units')) {
      const unitType = this.unitType(unit);
      if (unitType && !units.has(unitType)) units.set(unitType, unit);
    }
    this.projectUnits = units;
    return units;
  }

  private unitType(unitId: number): string | null {
    const className = this.model.className(unitId);
    if (className === 'IFCSIUNIT') return stepString(this.siArgument(unitId, 'UnitType'));
    return this.model.text(unitId, 'UnitType');
  }

  /** IfcSIUnit's attributes read from the end: web-ifc drops its derived Dimensions (`*`). */
  private siArgument(unitId: number, name: 'UnitType' | 'Prefix' | 'Name') {
    const line = this.model.line(unitId);
    const fromEnd = { UnitType: 3, Prefix: 2, Name: 1 }[name];
    return line ? stepArgument(line, line.arguments.length - fromEnd) : null;
  }

  private unitScale(unitId: number, depth: number): UnitScale | null {
    if (depth > MAX_DEPTH) return null;
    const cached = this.scales.get(unitId);
    if (cached !== undefined) return cached;
    const scale = this.computeScale(unitId, depth);
    this.scales.set(unitId, scale);
    return scale;
  }

  private computeScale(unitId: number, depth: number): UnitScale | null {
    const className = this.model.className(unitId);
    if (className === 'IFCSIUNIT') {
      const unitType = stepString(this.siArgument(unitId, 'UnitType')) ?? '';
      const name = stepString(this.siArgument(unitId, 'Name')) ?? '';
      const prefix = SI_PREFIX[stepString(this.siArgument(unitId, 'Prefix')) ?? ''] ?? 1;
      const power = unitType === 'AREAUNIT' || name === 'SQUARE_METRE' ? 2 : unitType === 'VOLUMEUNIT' || name === 'CUBIC_METRE' ? 3 : 1;
      // The SI base unit of mass is the kilogram, IFC names the gram.
      const base = name === 'GRAM' ? 1e-3 : 1;
      return { factor: prefix ** power * base, offset: name === 'DEGREE_CELSIUS' ? 273.15 : 0 };
    }
    if (className === 'IFCCONVERSIONBASEDUNIT' || className === 'IFCCONVERSIONBASEDUNITWITHOFFSET') {
      const conversion = this.model.reference(unitId, 'ConversionFactor');
      if (conversion === null) return null;
      const value = stepNumber(this.model.attribute(conversion, 'ValueComponent') ?? null);
      const componentId = this.model.reference(conversion, 'UnitComponent');
      const component = componentId === null ? IDENTITY : this.unitScale(componentId, depth + 1);
      if (value === null || !component) return null;
      const offset = className === 'IFCCONVERSIONBASEDUNITWITHOFFSET' ? (stepNumber(this.model.attribute(unitId, 'ConversionOffset') ?? null) ?? 0) : 0;
      // value_in_unit × value → component unit, then to SI; the offset is in the converted unit.
      return { factor: value * component.factor, offset: offset * value * component.factor + component.offset };
    }
    if (className === 'IFCDERIVEDUNIT') {
      let factor = 1;
      for (const element of this.model.references(unitId, 'Elements')) {
        const unit = this.model.reference(element, 'Unit');
        const exponent = stepNumber(this.model.attribute(element, 'Exponent') ?? null) ?? 1;
        const scale = unit === null ? null : this.unitScale(unit, depth + 1);
        if (!scale) return null;
        factor *= scale.factor ** exponent;
      }
      return { factor, offset: 0 };
    }
    return null;
  }
}
