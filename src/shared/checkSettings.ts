/** A library's rule check settings (stored per library; the defaults are documented in docs/checks.md). */

export interface CheckSettings {
  /**
   * Most calendar days expected from "Date Assigned" to "Decision Date"; a later decision
   * is flagged as an outlier. A priority other than Expedited uses `standard`.
   */
  readonly decisionWindowDays: { readonly standard: number; readonly expedited: number };
  /**
   * Off (null) by default: the reviewer's states of licensure are a fact the queue filters and
   * the insights count, since the statute asks for a licence in any state. A library that wants
   * a licence in one state flagged says which, and why.
   */
  readonly licensureFinding: LicensureFinding | null;
}

export interface LicensureFinding {
  /** The state whose licence the expert reviewer is expected to hold. */
  readonly state: string;
  /** Why this library expects it, shown with every finding. */
  readonly why: string;
}
