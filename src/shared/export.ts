/**
 * The verified-dataset export as the UI, the CLI and the services see it: options, progress,
 * results, the JSONL record, dataset-import conflicts and the agreement report.
 */
import type { CheckFinding, StructureCorrections } from './derived.ts';
import type { Decision, HeaderFieldName, LetterFormat, ParseWarning, SourceSpans } from './letter.ts';
import type { ItemField, ItemStatus, LetterField, LetterStatus } from './library.ts';
import type { ReviewState } from './quality.ts';
import type { SourceKind } from './source.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Verified letters only (the dataset), or every letter with its review status. */
export type ExportScope = 'verified' | 'all';

/** The queue's filters; `status` narrows an 'all' export only. */
export interface ExportFilter {
  readonly tagId?: number;
  /** Letters with at least one item of this decision (the letter is exported whole). */
  readonly decision?: Decision;
  readonly format?: LetterFormat;
  readonly status?: LetterStatus;
}

export interface ExportOptions {
  readonly format: ExportFormat;
  /** The folder the data files and README.md are written to; created when missing. */
  readonly outDir: string;
  readonly scope?: ExportScope;
  readonly filter?: ExportFilter;
  /** Adds the source spans ([start, end) offsets into the letter's text) of every value. */
  readonly withSpans?: boolean;
  /** CSV only: starts the file with a UTF-8 byte order mark so Excel reads it as UTF-8. */
  readonly bom?: boolean;
  /**
   * Writes into a folder holding files the app did not write: the export's files are put beside
   * them, one of the same name replaced. Without it such a folder is refused.
   */
  readonly force?: boolean;
}

export interface ExportProgress {
  readonly done: number;
  readonly total: number;
}

export interface ExportedFile {
  readonly path: string;
  readonly bytes: number;
  /** Data rows (letters, items or CSV rows); 0 for the dataset card. */
  readonly rows: number;
}

export interface ExportResult {
  /** The data files, then the dataset card (README.md). */
  readonly files: readonly ExportedFile[];
  readonly letters: number;
  readonly items: number;
  readonly exportedAt: string;
}

export interface ExportedPartial {
  readonly originalRequest: string | null;
  readonly authorizedByClaimsAdministrator: string | null;
  readonly imrEligiblePortion: string | null;
}

export interface ExportedNote {
  readonly author: string;
  readonly createdAt: string;
  readonly body: string;
}

/** One item inside a JSONL line: the extraction record's item plus its review fields. */
export interface ExportedItem {
  readonly service: string | null;
  readonly decision: Decision | null;
  readonly claimsAdministratorGuideline: string | null;
  readonly maximusGuideline: string | null;
  readonly rationale: string | null;
  /** null unless the item is a partial certification. */
  readonly partial: ExportedPartial | null;
  readonly warnings: readonly ParseWarning[];
  readonly status: ItemStatus;
  readonly addedByReviewer: boolean;
  /** Fields a person changed from the parser's value. */
  readonly editedFields: readonly ItemField[];
  readonly tags: readonly string[];
  /** Structured values a person set (they win over the vocabulary's reading). */
  readonly structureCorrections: StructureCorrections;
  /** The item's fields read by the vocabulary, as of the export (see src/shared/vocabulary.ts). */
  readonly structure?: ExportedStructure;
  /** Only in exports made with spans. */
  readonly spans?: Readonly<Record<string, SourceSpans>>;
}

/** One citation of a guideline field, as the export carries it. */
export interface ExportedCitation {
  readonly source: string;
  readonly mtusPart: string | null;
  /** The chapter or topic, normalised (its id). */
  readonly topic: string | null;
  readonly edition: string | null;
  readonly locators: readonly { readonly kind: string; readonly value: string }[];
  readonly text: string;
  /** [start, end) inside the guideline field's text. */
  readonly span: readonly [number, number];
}

export interface ExportedDrug {
  readonly name: string;
  readonly generic: string | null;
  readonly drugClass: string;
  /** Its class in DWC's taxonomy (DWC_DRUG_CLASSES id). */
  readonly dwcDrugClass: string;
  readonly strength: string | null;
  readonly form: string | null;
  readonly quantity: number | null;
  readonly refills: number | null;
}

/** The vocabulary's reading of one item, compact: what analysts filter and count by. */
export interface ExportedStructure {
  readonly vocabularyVersion: string;
  readonly category: string;
  readonly categoryCorrected: boolean;
  readonly drugs: readonly ExportedDrug[];
  readonly drugClasses: readonly string[];
  /** DWC's Request Category and Sub Category (ids of src/shared/dwcTaxonomy.ts); a reviewer's when set. */
  readonly dwcCategory: string;
  readonly dwcSubCategory: string;
  readonly dwcCategoryCorrected: boolean;
  readonly dwcDrugClasses: readonly string[];
  readonly sessions: { readonly perWeek: number | null; readonly weeks: number | null; readonly total: number | null } | null;
  readonly bodyParts: readonly { readonly name: string; readonly laterality: string | null }[];
  readonly spineLevels: readonly string[];
  readonly claimsAdministratorCitations: readonly ExportedCitation[];
  readonly maximusCitations: readonly ExportedCitation[];
  /** True when the Claims Administrator's field says it cited no medical evidence. */
  readonly claimsAdministratorNoEvidence: boolean;
  /** True when the Claims Administrator says it did not base its decision on the MTUS (or based it on recommendations outside it). */
  readonly claimsAdministratorNotBasedOnMtus: boolean;
}

/** One line of the JSONL export: the `imr-review extract` record plus review and provenance fields. */
export interface ExportedLetter {
  readonly file: string;
  readonly sha256: string;
  readonly format: LetterFormat;
  readonly caseNumber: string | null;
  readonly reviewerSpecialty: string | null;
  readonly reviewerLicensure: string | null;
  readonly reviewerSubspecialty: string | null;
  readonly header: Readonly<Record<HeaderFieldName, string | null>> | null;
  readonly items: readonly ExportedItem[];
  readonly warnings: readonly ParseWarning[];
  readonly parserVersion: string;
  readonly fileSize: number;
  readonly sourceKind: SourceKind;
  readonly pageCount: number;
  readonly status: LetterStatus;
  readonly flagReason: string | null;
  readonly verifiedBy: string | null;
  readonly verifiedAt: string | null;
  /** How far the letter's values were checked (REVIEW_STATES); absent from records of exports made before it was kept. */
  readonly reviewState?: ReviewState;
  readonly editedFields: readonly LetterField[];
  readonly tags: readonly string[];
  readonly notes: readonly ExportedNote[];
  /** The rule checks' findings on the exported values (see CHECK_CODES). */
  readonly checks?: readonly CheckFinding[];
  /** The reviewer's states of licensure as a list (licensureStates); absent from records of exports made before it was kept. */
  readonly licensureStates?: readonly string[];
  /** Whether one of them is California; null when the letter lists none. */
  readonly licensedInCalifornia?: boolean | null;
  /** Only in exports made with spans. */
  readonly spans?: Readonly<Record<string, SourceSpans>>;
}

export interface ImportDatasetResult {
  /** Letters that were not in the library and were created (without their text). */
  readonly created: number;
  /** Letters already in the library, merged field by field. */
  readonly merged: number;
  /** Fields taken from the dataset because only its side had vouched for them. */
  readonly fieldsTaken: number;
  /** Conflicts recorded for a person to decide. */
  readonly conflicts: number;
}

/** A value both sides vouched for (edited, or verified the letter) and disagree on. */
export interface DatasetConflict {
  readonly id: number;
  readonly letterId: number;
  readonly sha256: string;
  readonly caseNumber: string | null;
  /** 0-based position of the item; null for letter fields and for the item list. */
  readonly itemPosition: number | null;
  /** A letter or item field name, or 'items' when the two sides hold different item lists. */
  readonly field: string;
  /** Values as stored; for 'items', the item lists as JSON. */
  readonly ours: string | null;
  readonly theirs: string | null;
  readonly theirReviewer: string | null;
  /** The dataset file the conflict came from, or the blind pass. */
  readonly source: string;
  /** The blind pass whose reviewer entered `theirs`; null for a dataset merge's conflict. */
  readonly blindPassId: number | null;
  readonly detectedAt: string;
  readonly resolution: 'ours' | 'theirs' | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

export interface FieldAgreement {
  readonly field: string;
  /** Values compared (items: positions present on both sides). */
  readonly compared: number;
  readonly agreed: number;
  /** 100 * agreed / compared; null when nothing was compared. */
  readonly percent: number | null;
}

export interface AgreementReport {
  /** Letters verified on both sides (matched by sha256). */
  readonly letters: number;
  /** Of those, letters whose item counts agree. */
  readonly itemCountAgreed: number;
  /** Items compared (matched by position within matched letters). */
  readonly items: number;
  readonly fields: readonly FieldAgreement[];
  /** Cohen's kappa on the item decision (Upheld, Overturned, missing); null when undefined. */
  readonly decisionKappa: number | null;
  /** Decision pairs: ours -> theirs -> count, with 'none' for a missing decision. */
  readonly decisionTable: Readonly<Record<string, Readonly<Record<string, number>>>>;
}
