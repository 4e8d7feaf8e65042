/** Measured quality: audit samples, their estimates, blind passes and what they enter. */
import type { ImrApi } from '../../../shared/api.ts';
import { blindLetter, drawSample, qualityReport, startBlindPass, submitBlindLetter } from '../../quality/index.ts';
import { listBlindPasses, listSamples, requireReviewer, sampleLetterIds } from '../../storage/index.ts';
import type { HandlerContext } from '../session.ts';

type QualityMethods = 'listSamples' | 'drawSample' | 'getQuality' | 'listBlindPasses' | 'startBlindPass' | 'getBlindLetter' | 'submitBlindLetter';

export function qualityHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, QualityMethods> {
  return {
    listSamples: async () => listSamples(db),
    drawSample: async (request) => drawSample(db, requireReviewer(db), request),
    getQuality: async () => qualityReport(db),
    listBlindPasses: async () => listBlindPasses(db),
    startBlindPass: async (request) => startBlindPass(db, requireReviewer(db), request.mode, 'sampleId' in request ? sampleLetterIds(db, request.sampleId) : request.letterIds),
    getBlindLetter: async (passId, letterId) => blindLetter(db, passId, letterId),
    submitBlindLetter: async (passId, letterId, values) => submitBlindLetter(db, passId, letterId, values),
  };
}
