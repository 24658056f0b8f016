/**
 * What a user should know about a transformation's accuracy, in Vietnamese and English. Each note names the
 * cause (a grid not bundled, no datum shift, heights on a vertical datum) so the user can judge the placement.
 */
import type { LocalizedText } from '../types';

export function gridReplacedByHelmert(grid: string): LocalizedText {
  return {
    vi: `Lưới chuyển đổi ${grid} không đi kèm Sao; dùng phép Helmert 7 tham số của PROJ thay thế (sai số cỡ 1–3 m).`,
    en: `Datum grid ${grid} is not bundled with Sao; PROJ's 7-parameter Helmert is used instead (errors of about 1–3 m).`,
  };
}

/** No +towgs84, no WGS 84 datum: PROJ itself then takes latitude and longitude over unchanged ("ballpark"). */
export function noDatumShift(grid: string | undefined): LocalizedText {
  const vi = grid ? `Lưới chuyển đổi ${grid} không đi kèm Sao và PROJ không có phép Helmert duy nhất cho datum này` : 'Định nghĩa không có phép chuyển datum sang WGS 84';
  const en = grid ? `Datum grid ${grid} is not bundled with Sao and PROJ knows no single Helmert for this datum` : 'The definition has no datum shift to WGS 84';
  return {
    vi: `${vi}: kinh độ, vĩ độ được coi như WGS 84 (sai số từ cỡ 1 m với datum dựa trên GRS 80 đến hàng trăm mét với datum cũ).`,
    en: `${en}: latitude and longitude are taken as WGS 84 (errors from about 1 m on GRS 80-based datums to hundreds of metres on older ones).`,
  };
}

export function heightsOnVerticalDatum(verticalDatum: string): LocalizedText {
  return {
    vi: `Độ cao theo ${verticalDatum} được dùng như độ cao ellipsoid (mô hình geoid không đi kèm): độ cao có thể lệch hàng chục mét.`,
    en: `Heights on ${verticalDatum} are used as ellipsoidal heights (the geoid model is not bundled): heights can be tens of metres off.`,
  };
}

export function datumShiftBorrowed(code: string): LocalizedText {
  return {
    vi: `WKT không có phép chuyển datum; dùng phép chuyển của ${code} theo mã định danh của nó.`,
    en: `The WKT has no datum shift; the one of ${code}, named by its identifier, is used.`,
  };
}

/** Joins the notes that apply into one text, or undefined when none does. */
export function joinNotes(notes: readonly LocalizedText[]): LocalizedText | undefined {
  if (notes.length === 0) return undefined;
  return { vi: notes.map((note) => note.vi).join(' '), en: notes.map((note) => note.en).join(' ') };
}
