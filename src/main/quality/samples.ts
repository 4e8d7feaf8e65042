/** Drawing audit samples: the frame read, the size chosen or worked out from a target, the letters drawn and kept. */
import { randomInt } from 'node:crypto';
import type { SampleRequest, AuditSample } from '../../shared/quality.ts';
import { QUALITY_MEASURE_LABELS, STRATIFIER_LABELS } from '../../shared/quality.ts';
import type { Db } from '../storage/index.ts';
import { getSample, insertSample, InvalidEditError, readFrame } from '../storage/index.ts';
import { allocate, drawLetters } from './draw.ts';
import { lettersNeeded } from './statistics.ts';

/** Seeds are whole numbers 0..2^32-1, so they read back exactly from JSON and SQLite alike. */
export const MAX_SEED = 2 ** 32 - 1;

/** The letters a target takes when none of them turns out wrong. */
export function sizeForTarget(request: Pick<SampleRequest, 'target' | 'size'>): number {
  if (request.size !== undefined) return request.size;
  if (!request.target) throw new InvalidEditError('Give a sample size or a target to work it out from');
  const { rate, confidence, measure } = request.target;
  const needed = lettersNeeded(0, rate, confidence);
  if (needed === null) throw new InvalidEditError(`No sample can show ${QUALITY_MEASURE_LABELS[measure]} below ${rate * 100}%`);
  return needed;
}

export function drawSample(db: Db, reviewer: string, request: SampleRequest): AuditSample {
  if (request.size !== undefined && (!Number.isInteger(request.size) || request.size < 1)) throw new InvalidEditError(`A sample size is a whole number above 0, not ${request.size}`);
  const seed = request.seed ?? randomInt(0, MAX_SEED);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new InvalidEditError(`A seed is a whole number from 0 to ${MAX_SEED}, not ${seed}`);
  const strata = [...new Set(request.strata)];
  for (const stratifier of strata) if (!(stratifier in STRATIFIER_LABELS)) throw new InvalidEditError(`Unknown stratum "${String(stratifier)}"`);
  const size = sizeForTarget(request);
  const frame = readFrame(db, request.frame, strata);
  const frameLetters = frame.reduce((sum, stratum) => sum + stratum.letterIds.length, 0);
  if (frameLetters === 0) throw new InvalidEditError('The frame holds no letters: widen the filter, or import letters first');
  const counts = allocate(size, frame.map((stratum) => stratum.letterIds.length));
  const drawn = drawLetters(
    frame.map((stratum) => stratum.letterIds),
    counts,
    seed,
  );
  const sampleId = insertSample(db, {
    name: request.name?.trim() || `Sample of ${Math.min(size, frameLetters)} (seed ${seed})`,
    seed,
    filter: request.frame,
    strata,
    target: request.target ?? null,
    frame,
    drawn,
    createdBy: reviewer,
  });
  return getSample(db, sampleId);
}
