/**
 * A letter as a batch writes it: the extraction record in the export's shape (see
 * shared/export.ts), so the batch's Parquet tables are the export's, column for column. Nobody
 * has reviewed it: unreviewed, as the parser read it, no edits, tags or notes.
 */
import type { ExportedItem, ExportedLetter } from '../../shared/export.ts';
import type { ExtractedItem, ExtractionRecord } from '../../shared/extraction.ts';
import { HOME_STATE, isLicensedIn, licensureStates } from '../../shared/licensure.ts';
import type { SourceFacts } from './recordWorker.ts';

export function batchLetter(record: ExtractionRecord, source: SourceFacts, fileName: string): ExportedLetter {
  return {
    file: fileName,
    sha256: record.sha256,
    format: record.format,
    caseNumber: record.caseNumber,
    reviewerSpecialty: record.reviewerSpecialty,
    reviewerLicensure: record.reviewerLicensure,
    reviewerSubspecialty: record.reviewerSubspecialty,
    licensureStates: licensureStates(record.reviewerLicensure),
    licensedInCalifornia: isLicensedIn(record.reviewerLicensure, HOME_STATE),
    header: record.header,
    items: record.items.map(batchItem),
    warnings: record.warnings,
    parserVersion: record.parserVersion,
    fileSize: source.size,
    sourceKind: source.kind,
    pageCount: source.pageCount,
    status: 'unreviewed',
    flagReason: null,
    verifiedBy: null,
    verifiedAt: null,
    reviewState: 'machine',
    editedFields: [],
    tags: [],
    notes: [],
    checks: record.checks,
  };
}

function batchItem(item: ExtractedItem): ExportedItem {
  return {
    service: item.service,
    decision: item.decision,
    claimsAdministratorGuideline: item.claimsAdministratorGuideline,
    maximusGuideline: item.maximusGuideline,
    rationale: item.rationale,
    partial: item.partial ?? null,
    warnings: item.warnings,
    status: 'unreviewed',
    addedByReviewer: false,
    editedFields: [],
    tags: [],
    structureCorrections: {},
    structure: item.structure,
  };
}
