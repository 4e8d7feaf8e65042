/**
 * The audit at 100,000 letters: drawing a sample of 1,000 (unstratified, and stratified by format
 * and attention), and working out every estimate of a sample (sampleQuality) once its letters are
 * verified. Target: < 200 ms each. The sample's letters are verified through the review service on
 * a copy of the bench library (so bench/.data stays as built); the verifying is not timed.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Stratifier } from '../src/shared/quality.ts';
import { drawSample, sampleQuality } from '../src/main/quality/index.ts';
import { verifyLetter } from '../src/main/review/index.ts';
import { getLetter, openLibrary, sampleLetterIds } from '../src/main/storage/index.ts';
import type { Library } from '../src/main/storage/index.ts';
import { LIBRARY_LETTERS, libraryFile } from './data.ts';
import type { BenchResult } from './result.ts';
import { median } from './stats.ts';

/** Samples drawn, verified and estimated; the median and the slowest are the figures. */
const RUNS = 5;
const SAMPLE_SIZE = 1000;
const TARGET_MS = 200;
const REVIEWER = { reviewer: 'bench', origin: 'review' } as const;

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/** A copy of the bench library in a temp folder, its WAL folded in first so the file alone is whole. */
function copyOfBenchLibrary(): { file: string; remove: () => void } {
  const source = libraryFile();
  const checkpoint = new Database(source);
  checkpoint.pragma('wal_checkpoint(TRUNCATE)');
  checkpoint.close();
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-bench-quality-'));
  const file = path.join(folder, 'library.sqlite');
  const started = performance.now();
  copyFileSync(source, file);
  process.stdout.write(`    (copied the bench library to ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  return { file, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The reviewer verifies every letter of the sample not verified yet, in one transaction. */
function verifySample(library: Library, sampleId: number): number {
  const { db } = library;
  let verified = 0;
  db.transaction(() => {
    for (const letterId of sampleLetterIds(db, sampleId)) {
      const letter = getLetter(db, letterId);
      if (!letter || letter.status === 'verified') continue;
      verifyLetter(db, REVIEWER, { letterId, revision: letter.revision });
      verified++;
    }
  })();
  return verified;
}

function figures(name: string, times: readonly number[]): BenchResult[] {
  const runs = times.map((ms) => ms.toFixed(0)).join(', ');
  return [
    { name: `${name}, median of ${times.length}`, value: median(times), unit: 'ms', target: { atMost: TARGET_MS }, detail: `runs: ${runs} ms` },
    { name: `${name}, slowest of ${times.length}`, value: Math.max(...times), unit: 'ms', target: { atMost: TARGET_MS } },
  ];
}

export async function benchQuality(): Promise<BenchResult[]> {
  const copy = copyOfBenchLibrary();
  const library = openLibrary(copy.file, { reviewer: REVIEWER.reviewer });
  try {
    const { db } = library;
    const draws: number[] = [];
    const stratifiedDraws: number[] = [];
    const estimates: number[] = [];
    const stratifiedEstimates: number[] = [];
    let detail = '';
    // One warm-up draw and estimate (statements prepared, pages cached), not counted.
    sampleQuality(db, drawSample(db, REVIEWER.reviewer, { frame: {}, strata: [], size: SAMPLE_SIZE, seed: 999 }).id);
    for (let run = 0; run < RUNS; run++) {
      const plain = timed(() => drawSample(db, REVIEWER.reviewer, { frame: {}, strata: [], size: SAMPLE_SIZE, seed: run }));
      draws.push(plain.ms);
      const strata: Stratifier[] = ['format', 'attention'];
      const stratified = timed(() => drawSample(db, REVIEWER.reviewer, { frame: {}, strata, size: SAMPLE_SIZE, seed: 1000 + run }));
      stratifiedDraws.push(stratified.ms);
      const verified = verifySample(library, plain.result.id) + verifySample(library, stratified.result.id);
      const quality = timed(() => sampleQuality(db, plain.result.id));
      estimates.push(quality.ms);
      const stratifiedQuality = timed(() => sampleQuality(db, stratified.result.id));
      stratifiedEstimates.push(stratifiedQuality.ms);
      const decision = quality.result.estimates.find((estimate) => estimate.measure === 'decision');
      detail = `last run: ${verified} letters verified for the two samples; ${decision?.checked} checked, ${stratified.result.strataCounts.length} strata; ${quality.result.estimates.length} measures`;
    }
    return [
      ...figures(`draw a sample of ${SAMPLE_SIZE} from ${LIBRARY_LETTERS} letters`, draws),
      ...figures(`draw a sample of ${SAMPLE_SIZE} stratified by format and attention`, stratifiedDraws),
      ...figures(`every estimate of a verified sample of ${SAMPLE_SIZE} (sampleQuality)`, estimates),
      { ...figures(`every estimate of a verified stratified sample of ${SAMPLE_SIZE}`, stratifiedEstimates)[0]!, detail },
      figures(`every estimate of a verified stratified sample of ${SAMPLE_SIZE}`, stratifiedEstimates)[1]!,
    ];
  } finally {
    library.close();
    copy.remove();
  }
}
