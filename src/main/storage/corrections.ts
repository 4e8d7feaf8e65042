/**
 * What reviewers corrected, from verified letters only (their values are settled): per field, how
 * many values a person changed from the parser's (the edited marks), and each correction with the
 * parser's value kept beside the reviewer's. Items a reviewer added have no parser value and are
 * left out.
 */
import type { Correction, CorrectionsReport, FieldCorrections } from '../../shared/corrections.ts';
import type { ItemField, LetterField } from '../../shared/library.ts';
import { ITEM_FIELD_COLUMNS, ITEM_FIELDS, LETTER_FIELD_COLUMNS, LETTER_FIELDS } from './fields.ts';
import type { Db } from './sql.ts';
import { statement } from './sql.ts';

const PARTIAL_FIELDS: readonly ItemField[] = ['originalRequest', 'authorizedByClaimsAdministrator', 'imrEligiblePortion'];
const EDITED = (table: string) => `EXISTS (SELECT 1 FROM json_each(${table}.human_edited) WHERE value = @field)`;
const VERIFIED_ITEMS = "FROM items i JOIN letters l ON l.id = i.letter_id WHERE l.status = 'verified' AND i.added_by_reviewer = 0";

export function correctionsReport(db: Db): CorrectionsReport {
  const verifiedLetters = (statement(db, "SELECT COUNT(*) AS n FROM letters WHERE status = 'verified'").get() as { n: number }).n;
  const fields: FieldCorrections[] = [];
  for (const field of LETTER_FIELDS) {
    const row = statement(db, `SELECT COUNT(*) FILTER (WHERE ${EDITED('l')}) AS corrected FROM letters l WHERE l.status = 'verified'`).get({ field }) as { corrected: number };
    fields.push({ field, scope: 'letter', values: verifiedLetters, corrected: row.corrected });
  }
  for (const field of ITEM_FIELDS) {
    // A partial certification's parts exist only on partial items: count the items that have them.
    const present = PARTIAL_FIELDS.includes(field) ? `i.${ITEM_FIELD_COLUMNS[field]} IS NOT NULL OR ${EDITED('i')}` : '1';
    const row = statement(db, `SELECT COUNT(*) FILTER (WHERE ${present}) AS "values", COUNT(*) FILTER (WHERE ${EDITED('i')}) AS corrected ${VERIFIED_ITEMS}`).get({ field }) as {
      values: number;
      corrected: number;
    };
    fields.push({ field, scope: 'item', ...row });
  }
  return { verifiedLetters, fields };
}

/** The corrections of one field on verified letters, newest letters first, up to `limit`. */
export function listCorrections(db: Db, field: ItemField | LetterField, limit: number): Correction[] {
  const parserValue = (table: string) => `json_extract(${table}.original, '$.' || @field || '.value')`;
  if ((LETTER_FIELDS as readonly string[]).includes(field)) {
    const column = LETTER_FIELD_COLUMNS[field as LetterField];
    return statement(
      db,
      `SELECT l.id AS letterId, COALESCE(l.case_number, l.file_name) AS letterLabel, NULL AS itemNumber, @field AS field,
         ${parserValue('l')} AS parser, l.${column} AS reviewer
       FROM letters l WHERE l.status = 'verified' AND ${EDITED('l')} ORDER BY l.verified_at DESC, l.id DESC LIMIT @limit`,
    ).all({ field, limit }) as Correction[];
  }
  const column = ITEM_FIELD_COLUMNS[field as ItemField];
  return statement(
    db,
    `SELECT l.id AS letterId, COALESCE(l.case_number, l.file_name) AS letterLabel, i.position + 1 AS itemNumber, @field AS field,
       ${parserValue('i')} AS parser, i.${column} AS reviewer
     ${VERIFIED_ITEMS} AND ${EDITED('i')} ORDER BY l.verified_at DESC, l.id DESC, i.position LIMIT @limit`,
  ).all({ field, limit }) as Correction[];
}
