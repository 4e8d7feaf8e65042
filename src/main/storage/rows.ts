/**
 * The letters and items tables as better-sqlite3 returns their rows, for every reader of
 * the store (the split view's reads and the exporter's streaming cursors alike).
 */
import type { Decision, HeaderFieldName, LetterFormat } from '../../shared/letter.ts';
import type { ItemStatus, LetterStatus } from '../../shared/library.ts';
import type { SourceKind } from '../../shared/source.ts';

export interface LettersRow {
  id: number;
  sha256: string;
  file_name: string;
  file_path: string;
  file_size: number;
  source_kind: SourceKind;
  encoding: string | null;
  page_count: number;
  format: LetterFormat;
  case_number: string | null;
  has_header: number;
  date_assigned: string | null;
  decision_date: string | null;
  date_of_injury: string | null;
  ur_denial_date: string | null;
  application_received: string | null;
  priority: string | null;
  reviewer_specialty: string | null;
  reviewer_licensure: string | null;
  reviewer_subspecialty: string | null;
  clinical_case_summary: string | null;
  spans: string;
  warnings: string;
  human_edited: string;
  parser_version: string;
  import_run_id: number | null;
  imported_at: string;
  status: LetterStatus;
  flag_reason: string | null;
  verified_at: string | null;
  verified_by: string | null;
  updated_at: string;
  item_count: number;
  upheld_count: number;
  overturned_count: number;
  warning_count: number;
  revision: number;
  /** JSON: the parser's value and spans of each field a person changed. */
  original: string;
  /** JSON: the rule checks' findings on the current values. */
  checks: string;
  check_count: number;
  attention_count: number;
}

export interface ItemsRow {
  id: number;
  letter_id: number;
  position: number;
  service: string | null;
  decision: Decision | null;
  claims_administrator_guideline: string | null;
  maximus_guideline: string | null;
  rationale: string | null;
  original_request: string | null;
  authorized_by_claims_administrator: string | null;
  imr_eligible_portion: string | null;
  spans: string;
  warnings: string;
  status: ItemStatus;
  human_edited: string;
  added_by_reviewer: number;
  /** JSON: the parser's value and spans of each field a person changed. */
  original: string;
  /** JSON: structured values a person set (StructureCorrections). */
  structure_corrections: string;
  /** JSON: the vocabulary's reading as exported (ExportedStructure); null until worked out. */
  structure: string | null;
}

type HeaderColumns = Pick<
  LettersRow,
  'has_header' | 'date_assigned' | 'decision_date' | 'priority' | 'date_of_injury' | 'ur_denial_date' | 'application_received'
>;

/** The header table's values, or null for a letter that has none (and nobody has filled one in). */
export function headerOfRow(row: HeaderColumns): Record<HeaderFieldName, string | null> | null {
  const header = {
    dateAssigned: row.date_assigned,
    decisionDate: row.decision_date,
    priority: row.priority,
    dateOfInjury: row.date_of_injury,
    urDenialDate: row.ur_denial_date,
    applicationReceived: row.application_received,
  };
  return row.has_header === 1 || Object.values(header).some((value) => value !== null) ? header : null;
}
