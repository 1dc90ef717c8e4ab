/**
 * The sign-in code message, in Kazakh and Russian: the state language first, as on the portal.
 * Kept short because Cyrillic SMS are sent as UCS-2, 70 characters to a segment.
 */
export function signInCodeText(code: string): string {
  const kk = `Растау коды: ${code}.`;
  const ru = `Код подтверждения: ${code}.`;
  return `${kk} ${ru} Ешкімге айтпаңыз / Никому не сообщайте.`;
}
