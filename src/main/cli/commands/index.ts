/** Every command, in the order `imr-review --help` lists them. A new command is one file here and one line below. */
import type { CommandDefinition } from '../command.ts';
import { agreementCommand } from './agreement.ts';
import { evalCommand } from './eval.ts';
import { exportCommand } from './export.ts';
import { extractCommand } from './extract.ts';
import { helpCommand } from './help.ts';
import { importCommand } from './import.ts';
import { importDatasetCommand } from './importDataset.ts';
import { initCommand } from './init.ts';
import { reparseCommand } from './reparse.ts';
import { qualityCommand } from './quality.ts';
import { reportCommand } from './report.ts';
import { sampleCommand } from './sample.ts';
import { searchCommand } from './search.ts';
import { statsCommand } from './stats.ts';
import { vocabularyCommand } from './vocabulary.ts';

export const COMMANDS: readonly CommandDefinition[] = [
  extractCommand,
  evalCommand,
  initCommand,
  importCommand,
  statsCommand,
  reportCommand,
  searchCommand,
  reparseCommand,
  exportCommand,
  importDatasetCommand,
  sampleCommand,
  qualityCommand,
  agreementCommand,
  vocabularyCommand,
  helpCommand,
];
