/** The lexical rules BCF 3.0's schemas put on values (shared-types.xsd, markup.xsd, visinfo.xsd), for reading and writing. */

/** shared-types.xsd Guid: lower case only. 2.1 also allowed upper case, which the reader accepts and lower-cases. */
export const GUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
/** xs:dateTime; group 1 is the date and time, group 2 the zone. */
export const DATE_TIME = /^(-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;
/** IfcGuid: IFC's 22-character base-64 GlobalId. */
export const IFC_GUID = /^[0-9A-Za-z_$]{22}$/;
/** visinfo.xsd Color: ARGB hex, `RRGGBB` or `AARRGGBB`. */
export const COLOR = /^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/;
