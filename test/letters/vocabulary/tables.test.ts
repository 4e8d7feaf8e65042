/** The data tables hold together: unique aliases, periods for every edition, a documented term for every id. */
import { describe, expect, test } from 'vitest';
import { DRUGS } from '../../../src/main/letters/vocabulary/data/drugs.ts';
import { MTUS_TOPICS } from '../../../src/main/letters/vocabulary/data/mtusTopics.ts';
import { ODG_CHAPTERS } from '../../../src/main/letters/vocabulary/data/odgChapters.ts';
import { STRONG_RULES, WEAK_RULES } from '../../../src/main/letters/vocabulary/data/serviceRules.ts';
import {
  CITATION_SOURCES,
  DRUG_CLASSES,
  MTUS_PARTS,
  MTUS_PERIODS,
  OTHER_SOURCE_KINDS,
  SERVICE_CATEGORIES,
} from '../../../src/main/letters/vocabulary/index.ts';
import { foldName } from '../../../src/main/letters/vocabulary/text.ts';

/** Folded names that two different owners claim. */
function clashes(pairs: readonly (readonly [string, string])[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const [name, owner] of pairs) owners.set(foldName(name), (owners.get(foldName(name)) ?? new Set()).add(owner));
  return [...owners].filter(([, set]) => set.size > 1).map(([name]) => name);
}

describe('taxonomies', () => {
  test.each([
    ['citation sources', CITATION_SOURCES],
    ['MTUS parts', MTUS_PARTS],
    ['other source kinds', OTHER_SOURCE_KINDS],
    ['service categories', SERVICE_CATEGORIES],
    ['drug classes', DRUG_CLASSES],
  ])('%s have unique ids and a one-line description each', (_, terms) => {
    const ids = terms.map((term) => term.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const term of terms) expect(term.description).toMatch(/^[^\n]{10,160}$/);
  });

  test('every service category has a rule that places services in it', () => {
    const placed = new Set([...STRONG_RULES, ...WEAK_RULES].map((step) => (step === 'drug' ? 'prescription-drug' : step.category)));
    placed.add('compounded-topical-drug');
    expect(SERVICE_CATEGORIES.map((term) => term.id).filter((id) => !placed.has(id))).toEqual([]);
  });
});

describe('alias tables', () => {
  test('no MTUS or ACOEM spelling belongs to two topics', () => {
    expect(clashes(MTUS_TOPICS.flatMap((topic) => Object.keys(topic.aliases).map((alias) => [alias, topic.id] as const)))).toEqual([]);
  });

  test('no ODG spelling belongs to two chapters', () => {
    expect(clashes(ODG_CHAPTERS.flatMap((chapter) => chapter.aliases.map((alias) => [alias, chapter.id] as const)))).toEqual([]);
  });

  test('no drug name belongs to two generics', () => {
    expect(clashes(DRUGS.flatMap((entry) => [entry.generic, ...entry.names].map((name) => [name, entry.generic] as const)))).toEqual([]);
  });

  test('the ACOEM chapter numbers cover chapters 1 to 16, each clinical chapter (8-16) in one topic', () => {
    const chapters = MTUS_TOPICS.flatMap((topic) => (topic.acoemChapters ?? []).map((chapter) => [chapter, topic.id] as const));
    expect([...new Set(chapters.map(([chapter]) => chapter))].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    const clinical = chapters.filter(([chapter]) => chapter >= 8);
    expect(clinical.map(([chapter]) => chapter).sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(clinical.find(([chapter]) => chapter === 12)?.[1]).toBe('low-back');
  });
});

describe('MTUS periods', () => {
  test('every period is a valid ISO range of a known part, and names its source', () => {
    const parts = new Set<string>(MTUS_PARTS.map((part) => part.id));
    for (const period of MTUS_PERIODS) {
      expect(parts.has(period.part)).toBe(true);
      expect(period.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (period.to !== null) expect(period.to > period.from).toBe(true);
      expect(period.source).toMatch(/\[\d{4}[a-z]?\]/);
    }
  });

  test('every edition a topic accepts has a period in force', () => {
    const missing = MTUS_TOPICS.flatMap((topic) =>
      Object.entries(topic.editions ?? {}).filter(
        ([edition, part]) => !MTUS_PERIODS.some((period) => period.part === part && (period.edition === null || period.edition === edition)),
      ).map(([edition, part]) => `${topic.id} ${edition} (${part})`),
    );
    expect(missing).toEqual([]);
  });

  test('a part\'s editions do not overlap in time', () => {
    const general = MTUS_PERIODS.filter((period) => period.topic === undefined);
    for (const a of general) {
      for (const b of general) {
        if (a === b || a.part !== b.part) continue;
        const overlap = a.from <= (b.to ?? '9999') && b.from <= (a.to ?? '9999');
        expect(overlap, `${a.part} ${a.edition} / ${b.edition}`).toBe(false);
      }
    }
  });
});
