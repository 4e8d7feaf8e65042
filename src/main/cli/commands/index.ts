/**
 * Every command, in the order `imr-review --help` lists them. A command's file is loaded only
 * when that command runs, so a call pays for its own modules alone. A new command is one file
 * here and one line below.
 */
import type { CommandEntry } from '../command.ts';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'extract', summary: 'print one JSON object per letter (JSONL)', load: async () => (await import('./extract.ts')).extractCommand },
  { name: 'eval', summary: 'score extraction against <name>.json gold files', load: async () => (await import('./eval.ts')).evalCommand },
  { name: 'init', summary: 'make a new, empty library', load: async () => (await import('./init.ts')).initCommand },
  { name: 'import', summary: 'import letters into the library', load: async () => (await import('./import.ts')).importCommand },
  { name: 'stats', summary: 'counts of letters, items, rule check findings and import errors', load: async () => (await import('./stats.ts')).statsCommand },
  { name: 'report', summary: 'the insights: outcomes beside published figures, as HTML, Markdown or JSON', load: async () => (await import('./report.ts')).reportCommand },
  { name: 'search', summary: 'full-text search over letter text and item fields', load: async () => (await import('./search.ts')).searchCommand },
  { name: 'reparse', summary: 'bring the library to this version: rule checks, vocabulary, and the parser on untouched letters', load: async () => (await import('./reparse.ts')).reparseCommand },
  { name: 'export', summary: 'write the reviewed dataset (jsonl, csv, parquet, xlsx) with its card', load: async () => (await import('./export.ts')).exportCommand },
  { name: 'import-dataset', summary: "merge another reviewer's JSONL export into the library", load: async () => (await import('./importDataset.ts')).importDatasetCommand },
  { name: 'sample', summary: 'draw an audit sample of letters to verify, or list the samples', load: async () => (await import('./sample.ts')).sampleCommand },
  { name: 'quality', summary: "measured error rates of the parser's values, agreement and adjudication", load: async () => (await import('./quality.ts')).qualityCommand },
  { name: 'agreement', summary: 'per-field agreement and decision kappa on the letters both reviewers verified', load: async () => (await import('./agreement.ts')).agreementCommand },
  { name: 'package', summary: 'work packages for a team: share letters out, merge them back, measure agreement', load: async () => (await import('./package.ts')).packageCommand },
  { name: 'vocabulary', summary: 'share of guideline citations and services the vocabulary reads, on gold files', load: async () => (await import('./vocabulary.ts')).vocabularyCommand },
  { name: 'help', summary: 'show the help of the program or of a command', load: async () => (await import('./help.ts')).helpCommand },
];
