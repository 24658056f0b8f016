/** Placeholder: where the accepted submission stands in the as-built layer (converting, added, failed). */
export function AsBuiltStatus(_props: { submissionId: string }) {
  return null;
}
