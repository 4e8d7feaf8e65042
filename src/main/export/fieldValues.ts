/** A field's value in an export record, by the field names the store and the API use. */
import { HEADER_FIELDS } from '../../shared/letter.ts';
import type { HeaderFieldName } from '../../shared/letter.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';

function isHeaderField(field: string): field is HeaderFieldName {
  return (HEADER_FIELDS as readonly string[]).includes(field);
}

export function letterFieldValue(letter: ExportedLetter, field: LetterField): string | null {
  if (isHeaderField(field)) return letter.header?.[field] ?? null;
  return letter[field];
}

export function itemFieldValue(item: ExportedItem, field: ItemField): string | null {
  if (field === 'originalRequest' || field === 'authorizedByClaimsAdministrator' || field === 'imrEligiblePortion') {
    return item.partial?.[field] ?? null;
  }
  return item[field];
}
