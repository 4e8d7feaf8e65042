/**
 * The vocabulary on the project's own generated text: guideline fields with known truth
 * (test/fixtures/vocabCitations.ts), the fixture generator's guideline and service
 * vocabulary, and whole generated letters.
 */
import { describe, expect, test } from 'vitest';
import { analyzeGuideline, analyzeService } from '../../../src/main/letters/vocabulary/index.ts';
import type { ServiceCategory } from '../../../src/shared/vocabulary.ts';
import { generateLetter } from '../../fixtures/index.ts';
import { createRandom } from '../../fixtures/random.ts';
import { guidelineField } from '../../fixtures/vocabCitations.ts';
import { guidelinePair } from '../../fixtures/vocabGuidelines.ts';
import { allCapsService, serviceTemplate, type ServiceTopic } from '../../fixtures/vocabServices.ts';

const TOPICS: readonly ServiceTopic[] = ['medication', 'therapy', 'imaging', 'procedure', 'equipment', 'lab'];
/** The categories each of the generator's service topics may fall in. */
const CATEGORIES_OF: Record<ServiceTopic, readonly ServiceCategory[]> = {
  medication: ['prescription-drug', 'compounded-topical-drug'],
  therapy: ['physical-therapy', 'chiropractic', 'acupuncture', 'psychological', 'home-health-or-nursing'],
  imaging: ['imaging'],
  procedure: ['surgery', 'injection-or-nerve-block'],
  equipment: ['durable-medical-equipment'],
  lab: ['laboratory'],
};

describe('guideline analyses kept by text', () => {
  test('a field read again, after thousands of others pushed it out or not, reads as it did the first time', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => guidelineField(createRandom(10_000 + i)).text);
    const first = texts.map((text) => structuredClone(analyzeGuideline(text)));
    const random = createRandom(99);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < texts.length; i++) {
        const index = random.int(0, texts.length - 1);
        expect(analyzeGuideline(texts[index])).toEqual(first[index]);
      }
    }
  });
});

describe('generated guideline fields with known truth', () => {
  test('every citation reads as its source, topic, edition and locators', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const field = guidelineField(createRandom(seed));
      const analysis = analyzeGuideline(field.text);
      const read = analysis.citations.map((citation) => ({
        source: citation.source,
        topic: citation.source === 'other' ? citation.otherKind : (citation.topic?.id ?? null),
        edition: citation.edition?.value ?? null,
        locators: citation.locators.map((locator) => locator.value),
      }));
      expect(read, field.text).toEqual(field.citations);
      expect(analysis.mapped, field.text).toBe(true);
    }
  });

  test('the fixture generator\'s guideline sentences all map', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const random = createRandom(seed);
      const pair = guidelinePair(random, random.pick(TOPICS));
      for (const text of [pair.claimsAdministrator, pair.maximus]) expect(analyzeGuideline(text).mapped, text).toBe(true);
    }
  });
});

describe('generated services', () => {
  test('every service template falls in a category of its topic', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const template = serviceTemplate(createRandom(seed));
      const text = template.describe(template.quantity);
      expect(CATEGORIES_OF[template.topic], text).toContain(analyzeService(text).category.value);
    }
  });

  test('the all-caps procedure names are injections', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const template = allCapsService(createRandom(seed));
      expect(analyzeService(template.describe(1).toUpperCase()).category.value).toBe('injection-or-nerve-block');
    }
  });

  test('in whole generated letters no service is left as other and every guideline field maps', () => {
    for (let seed = 1; seed <= 120; seed++) {
      for (const item of generateLetter(seed).truth.items) {
        expect(analyzeService(item.service).category.value, item.service).not.toBe('other');
        for (const text of [item.claimsAdministratorGuideline, item.maximusGuideline]) expect(analyzeGuideline(text).mapped, text).toBe(true);
      }
    }
  });
});
