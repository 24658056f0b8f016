/** Placeholder: replaced by the helper that owns ui/record/. */
export function SavedSubmissions() {
  return null;
}
