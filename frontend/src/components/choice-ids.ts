/**
 * Ids of radio or checkbox items: the first item takes the field's own id, so an error
 * summary link to the field lands on it (the GOV.UK convention); the rest add their index.
 */
export function choiceId(fieldId: string, index: number): string {
  return index === 0 ? fieldId : `${fieldId}-${index + 1}`;
}
