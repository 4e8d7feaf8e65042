/** The checks' default settings, and where each figure comes from. */
import type { CheckSettings } from './types.ts';

/**
 * - decisionWindowDays.standard 40: the review is due 30 days after the IMR organization
 *   receives the request and its documents (Labor Code 4610.6(d)), and the employer has
 *   10 days from the notice of assignment to send them (Labor Code 4610.5(l)).
 * - decisionWindowDays.expedited 4: an expedited review is due 3 days after the documents
 *   arrive (Labor Code 4610.6(d)), plus a day for them to arrive.
 * - licensureFinding null: as far as docs/checks.md could read it, Labor Code 139.5(d) asks of an
 *   IMR reviewer a nonrestricted licence in any US state, so a reviewer licensed outside
 *   California is no error in the letter; the states are a fact instead (src/shared/licensure.ts).
 * These flag outliers for a reviewer to look at; they decide nothing.
 */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  decisionWindowDays: { standard: 40, expedited: 4 },
  licensureFinding: null,
};
