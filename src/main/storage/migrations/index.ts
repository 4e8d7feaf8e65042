/** Every schema migration, in order. Append new ones; never edit one that has shipped. */
import type { Migration } from '../migrate.ts';
import { initialMigration } from './001-initial.ts';
import { letterSummaryCountsMigration } from './002-letter-summary-counts.ts';
import { datasetConflictsMigration } from './003-dataset-conflicts.ts';
import { boundChangesMigration } from './004-bound-changes.ts';
import { derivedValuesMigration } from './005-derived-values.ts';
import { contentAndInterruptedRunsMigration } from './006-content-and-interrupted-runs.ts';
import { foreignKeyIndexesMigration } from './007-foreign-key-indexes.ts';
import { letterPagesMigration } from './008-letter-pages.ts';
import { insightCountsMigration } from './009-insight-counts.ts';
import { auditMigration } from './010-audit.ts';
import { workPackagesMigration } from './011-work-packages.ts';
import { datasetMergesMigration } from './012-dataset-merges.ts';
import { checksIndexMigration } from './013-checks-index.ts';

export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  letterSummaryCountsMigration,
  datasetConflictsMigration,
  boundChangesMigration,
  derivedValuesMigration,
  contentAndInterruptedRunsMigration,
  foreignKeyIndexesMigration,
  letterPagesMigration,
  insightCountsMigration,
  auditMigration,
  workPackagesMigration,
  datasetMergesMigration,
  checksIndexMigration,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
