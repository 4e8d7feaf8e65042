/**
 * The dataset card's YAML front matter, as the Hugging Face Hub and `datasets` read it: the
 * configs with their data files, every table's features, the license (unknown, said why in the
 * card), the language, the tasks the data serves and its size.
 */
import { stringify } from 'yaml';
import type { ExportFormat } from '../../shared/export.ts';
import { exportTables, loadableByDatasets } from './cardTables.ts';
import { featuresYaml } from './features.ts';

export const PRETTY_NAME = 'IMR Final Determination Letters';

/** The Hub's size buckets, by the number of letters (one row each in the letters table). */
function sizeCategory(letters: number): string {
  if (letters < 1_000) return 'n<1K';
  if (letters < 10_000) return '1K<n<10K';
  if (letters < 100_000) return '10K<n<100K';
  if (letters < 1_000_000) return '100K<n<1M';
  return '1M<n<10M';
}

/** A data file's path from the card's folder. */
export function dataFile(file: string, folder: string | undefined): string {
  return folder === undefined ? file : `${folder}/${file}`;
}

export function frontMatter(format: ExportFormat, withSpans: boolean, letters: number, dataFolder?: string): string {
  const tables = loadableByDatasets(format) ? exportTables(format, withSpans) : [];
  const card = {
    pretty_name: PRETTY_NAME,
    license: 'unknown',
    language: ['en'],
    task_categories: ['text-classification', 'token-classification'],
    tags: ['medical', 'legal', 'workers-compensation', 'independent-medical-review'],
    size_categories: [sizeCategory(letters)],
    ...(tables.length === 0
      ? {}
      : {
          configs: tables.map((table, index) => ({ config_name: table.name, data_files: dataFile(table.file, dataFolder), ...(index === 0 ? { default: true } : {}) })),
          dataset_info: tables.map((table) => ({ config_name: table.name, features: featuresYaml(table.features) })),
        }),
  };
  return `---\n${stringify(card, { lineWidth: 0 })}---\n`;
}
