/** The dataset services: export, import of another reviewer's export, conflicts, agreement. No IPC here. */
export { APP_VERSION, CARD_FILE, exportDataset } from './exportDataset.ts';
export type { ExportControl } from './exportDataset.ts';
export { exportInWorker } from './exportInWorker.ts';
export { checkExportFolder, ForeignFilesError, MANIFEST_FILE, recoverExportFolder } from './exportSet.ts';
export { DEFAULT_STEP_TIMEOUT_MS, ExportFileError, FileSystemStuckError } from './guardedFs.ts';
export { CSV_FILE } from './writers/csv.ts';
export { JSONL_FILE } from './writers/jsonl.ts';
export { streamJsonlRecords } from './jsonlStream.ts';
export type { JsonlStreamControl, JsonlStreamOptions } from './jsonlStream.ts';
export { PARQUET_ITEMS_FILE, PARQUET_LETTERS_FILE } from './writers/parquet.ts';
export { importDataset } from './importDataset.ts';
export type { ImportDatasetControl } from './importDataset.ts';
export { DatasetFileError, readDatasetFile, readDatasetLines } from './datasetFile.ts';
export { resolveConflict } from './conflicts.ts';
export { compareDatasets, verifiedLettersInFile, verifiedLettersOf } from './agreement.ts';
export { dataQuality, QUALITY_TITLE, qualityMarkdown } from './qualitySection.ts';
export { markdownTable } from './markdownTable.ts';
export type { DataQuality, QualityBlock } from './qualitySection.ts';
