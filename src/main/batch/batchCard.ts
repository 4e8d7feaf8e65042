/**
 * A batch's README.md: the export's dataset card over every shard its manifest names, earlier
 * runs' included, replaced whole (written beside, then renamed).
 */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_VERSION, CARD_FILE } from '../export/index.ts';
import { datasetCard } from '../export/datasetCard.ts';
import { figuresOfCounts } from '../insights/index.ts';
import { PARSER_VERSION } from '../letters/parsing/index.ts';
import type { Db } from '../storage/index.ts';
import { shardTallies } from '../storage/index.ts';
import { summedTally } from './batchTally.ts';
import { MANIFEST_DB_FILE, PARTIAL_SUFFIX, SHARDS_FOLDER } from './layout.ts';

export async function writeBatchCard(db: Db, outDir: string): Promise<void> {
  const tally = summedTally(shardTallies(db));
  const card = datasetCard({
    format: 'parquet',
    scope: 'all',
    filters: [],
    withSpans: false,
    bom: false,
    appVersion: APP_VERSION,
    exportedAt: new Date().toISOString(),
    library: path.join(outDir, MANIFEST_DB_FILE),
    exportedBy: null,
    tally: tally.card,
    cutTexts: 0,
    figures: figuresOfCounts(tally.counts),
    quality: [
      {
        kind: 'paragraph',
        text: `No audit has measured this batch: every letter is as parser ${PARSER_VERSION} read it (\`machine\`), and nobody has verified one. ${MANIFEST_DB_FILE} lists every input file with its outcome.`,
      },
    ],
    dataFolder: `${SHARDS_FOLDER}/*`,
  });
  const file = path.join(outDir, CARD_FILE);
  await writeFile(`${file}${PARTIAL_SUFFIX}`, card);
  await rename(`${file}${PARTIAL_SUFFIX}`, file);
}
