/** How a ParsedLetter is laid out in rows: shared by the first import and by re-parsing. */
import type { Field, ParsedItem, ParsedLetter, SourceSpans } from '../../shared/letter.ts';
import { statement } from './sql.ts';
import type { Db } from './sql.ts';

/** Values of the letters columns that come from the parser, keyed by SQL parameter name. */
export interface ParsedLetterColumns {
  format: string;
  caseNumber: string | null;
  hasHeader: number;
  dateAssigned: string | null;
  decisionDate: string | null;
  dateOfInjury: string | null;
  urDenialDate: string | null;
  applicationReceived: string | null;
  priority: string | null;
  reviewerSpecialty: string | null;
  reviewerLicensure: string | null;
  reviewerSubspecialty: string | null;
  clinicalCaseSummary: string | null;
  spans: string;
  warnings: string;
  parserVersion: string;
  /** How many items the parser read: an audit tells the items it invented by it. */
  parsedItemCount: number;
  /** The warnings the parser gave on the letter and its items: an audit's strata read it. */
  parserWarningCount: number;
}

/** SET list assigning every ParsedLetterColumns parameter to its column. */
export const PARSED_LETTER_ASSIGNMENTS = `
  format = @format, case_number = @caseNumber, has_header = @hasHeader,
  date_assigned = @dateAssigned, decision_date = @decisionDate, date_of_injury = @dateOfInjury,
  ur_denial_date = @urDenialDate, application_received = @applicationReceived, priority = @priority,
  reviewer_specialty = @reviewerSpecialty, reviewer_licensure = @reviewerLicensure,
  reviewer_subspecialty = @reviewerSubspecialty, clinical_case_summary = @clinicalCaseSummary,
  spans = @spans, warnings = @warnings, parser_version = @parserVersion, parsed_item_count = @parsedItemCount,
  parser_warning_count = @parserWarningCount`;

export function parsedLetterColumns(parsed: ParsedLetter): ParsedLetterColumns {
  const header = parsed.header;
  const { specialty, licensure, subspecialty } = parsed.reviewer;
  const spans = collectSpans({
    caseNumber: parsed.caseNumber,
    dateAssigned: header?.dateAssigned ?? null,
    decisionDate: header?.decisionDate ?? null,
    dateOfInjury: header?.dateOfInjury ?? null,
    urDenialDate: header?.urDenialDate ?? null,
    applicationReceived: header?.applicationReceived ?? null,
    priority: header?.priority ?? null,
    reviewerSpecialty: specialty,
    reviewerLicensure: licensure,
    reviewerSubspecialty: subspecialty,
    clinicalCaseSummary: parsed.clinicalCaseSummary,
  });
  if (parsed.itemsSection) spans.itemsSection = [parsed.itemsSection];
  return {
    format: parsed.format,
    caseNumber: valueOf(parsed.caseNumber),
    hasHeader: header ? 1 : 0,
    dateAssigned: valueOf(header?.dateAssigned),
    decisionDate: valueOf(header?.decisionDate),
    dateOfInjury: valueOf(header?.dateOfInjury),
    urDenialDate: valueOf(header?.urDenialDate),
    applicationReceived: valueOf(header?.applicationReceived),
    priority: valueOf(header?.priority),
    reviewerSpecialty: valueOf(specialty),
    reviewerLicensure: valueOf(licensure),
    reviewerSubspecialty: valueOf(subspecialty),
    clinicalCaseSummary: valueOf(parsed.clinicalCaseSummary),
    spans: JSON.stringify(spans),
    warnings: JSON.stringify(parsed.warnings),
    parserVersion: parsed.parserVersion,
    parsedItemCount: parsed.items.length,
    parserWarningCount: parsed.warnings.length + parsed.items.reduce((sum, item) => sum + item.warnings.length, 0),
  };
}

/** Inserts the parser's items at positions 0..n-1. */
export function insertParsedItems(db: Db, letterId: number, items: readonly ParsedItem[]): void {
  const insert = statement(
    db,
    `INSERT INTO items (letter_id, position, service, decision, claims_administrator_guideline,
       maximus_guideline, rationale, original_request, authorized_by_claims_administrator,
       imr_eligible_portion, spans, warnings)
     VALUES (@letterId, @position, @service, @decision, @claimsAdministratorGuideline,
       @maximusGuideline, @rationale, @originalRequest, @authorizedByClaimsAdministrator,
       @imrEligiblePortion, @spans, @warnings)`,
  );
  items.forEach((item, position) => {
    const fields = {
      service: item.service,
      decision: item.decision,
      claimsAdministratorGuideline: item.claimsAdministratorGuideline,
      maximusGuideline: item.maximusGuideline,
      rationale: item.rationale,
      originalRequest: item.partial?.originalRequest ?? null,
      authorizedByClaimsAdministrator: item.partial?.authorizedByClaimsAdministrator ?? null,
      imrEligiblePortion: item.partial?.imrEligiblePortion ?? null,
    };
    const spans = { item: [item.span], ...collectSpans(fields) };
    insert.run({
      letterId,
      position,
      ...Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, valueOf(field)])),
      spans: JSON.stringify(spans),
      warnings: JSON.stringify(item.warnings),
    });
  });
}

function valueOf(field: Field | null | undefined): string | null {
  return field?.value ?? null;
}

/** Each value's source as stored: a list of spans, one for what the parser read. */
function collectSpans(fields: Record<string, Field | null>): Record<string, SourceSpans> {
  const spans: Record<string, SourceSpans> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field) spans[name] = [field.span];
  }
  return spans;
}
