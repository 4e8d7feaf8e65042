/**
 * A team on one dataset: work packages made from a library for reviewers, each a library file
 * of its own, merged back with every change under its reviewer's name; letters in two packages
 * measure the reviewers' agreement.
 */
import type { FieldAgreementEstimate, Interval, KappaEstimate } from './quality.ts';

/** The most letters one round of packages shares out. */
export const MAX_PACKAGE_LETTERS = 10_000_000;

/** The file name every package file ends with: a library, opened like any other. */
export const PACKAGE_EXTENSION = '.imrlib';

/** A package as the coordinating library lists it, with how far it has come back. */
export interface WorkPackageSummary {
  readonly id: string;
  readonly name: string;
  readonly reviewer: string;
  readonly fileName: string;
  readonly letters: number;
  readonly createdAt: string;
  readonly createdBy: string;
  /** When it was first merged back; null while it is out. */
  readonly mergedAt: string | null;
  readonly mergedBy: string | null;
  /** Letters it brought back changed, and of those, verified and flagged. */
  readonly returned: number;
  readonly verified: number;
  readonly flagged: number;
  /** Its letters that are also in another package (double review). */
  readonly overlapping: number;
}

/** What the packages are made of and for whom. */
export interface PackagePlanRequest {
  readonly reviewers: readonly string[];
  /** The letters to share out, at most; all the filter selects when absent. */
  readonly count?: number;
  /** Shuffle the letters with this seed before sharing them out; queue order (by id) when absent. */
  readonly seed?: number;
  /** The share of letters (0..1) that also go to a second reviewer, for double review. */
  readonly overlap: number;
  /** Leave out letters already in a package that has not come back (the default). */
  readonly skipLettersOut?: boolean;
  /** A name for the round; the packages are named `<name>-<reviewer>`. */
  readonly name: string;
}

export interface MadePackage {
  readonly id: string;
  readonly name: string;
  readonly reviewer: string;
  readonly file: string;
  readonly letters: number;
  /** Of those, letters also in another package of this round. */
  readonly overlapping: number;
}

export interface MergePackageResult {
  readonly packageId: string;
  readonly name: string;
  readonly reviewer: string;
  /** Letters the reviewer changed. */
  readonly lettersChanged: number;
  /** Values, statuses and item lists taken from the package. */
  readonly taken: number;
  /** Disagreements recorded for a person to decide. */
  readonly conflicts: number;
  /** The change group the merge made; null when it changed nothing (a package merged before). */
  readonly changeId: number | null;
}

/** Agreement between two reviewers on the letters both their packages brought back verified. */
export interface PairAgreement {
  readonly reviewers: readonly [string, string];
  /** Letters both verified: the values are compared on these. */
  readonly letters: number;
  /** Letters both decided (verified or flagged), and on how many they decided alike. */
  readonly statusCompared: number;
  readonly statusAgreed: number;
  /** The exact interval around statusAgreed / statusCompared; null when none was compared. */
  readonly statusInterval: Interval | null;
  readonly fields: readonly FieldAgreementEstimate[];
  readonly kappas: readonly KappaEstimate[];
}
