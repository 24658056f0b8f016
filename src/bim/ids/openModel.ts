/**
 * Opens IFC bytes in web-ifc for a check without building geometry (the CLI and the tests; the app checks the
 * model its IFC worker already holds). Same gate as the loader: `sniffIfcFile` fails fast with a specific
 * IfcLoadError, and schema names web-ifc does not list (IFC2X3_TC1 …) are read as their family.
 */
import type { IfcAPI } from 'web-ifc';
import { IfcLoadError } from '../ifc/IfcLoadError';
import { sniffIfcFile } from '../ifc/sniffIfcFile';
import { webIfcSchemaReader } from '../ifc/webIfcSchemaReader';

export function openIfcModel(api: IfcAPI, bytes: Uint8Array): number {
  const sniff = sniffIfcFile(bytes);
  const read = webIfcSchemaReader(bytes, sniff.schemaIdentifier);
  let modelId = -1;
  let detail = '';
  try {
    modelId = api.OpenModelFromCallback((offset, size) => read(offset, size));
  } catch (cause) {
    detail = `: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  if (modelId < 0) {
    throw new IfcLoadError('PARSE_FAILED', {
      vi: `web-ifc không phân tích được tệp IFC${detail}; tệp có thể bị hỏng, hãy xuất lại từ phần mềm BIM.`,
      en: `web-ifc could not parse the IFC file${detail}; it may be corrupt, export it again from the BIM software.`,
    });
  }
  return modelId;
}
