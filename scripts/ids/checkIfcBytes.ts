/** IFC bytes → IDS report with web-ifc in Node (no geometry is built); the model is closed afterwards. */
import { checkIds, openIfcModel } from '../../src/bim/ids';
import type { IdsDocument, IdsReport } from '../../src/bim/ids';
import { createNodeIfcApi } from '../../src/bim/ifc/node';

export async function checkIfcBytes(bytes: Uint8Array, document: IdsDocument): Promise<IdsReport> {
  const api = await createNodeIfcApi();
  const modelId = openIfcModel(api, bytes);
  try {
    return checkIds(api, modelId, document);
  } finally {
    api.CloseModel(modelId);
  }
}
