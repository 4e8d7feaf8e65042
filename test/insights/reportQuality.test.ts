/**
 * The report's Data quality section, in every format, on a library after an audit: the same
 * sample, rates and intervals as the quality report and the dataset card, and through
 * `imr-review report` too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../src/main/export/index.ts';
import { qualityReport } from '../../src/main/quality/index.ts';
import { buildReport } from '../../src/main/report/index.ts';
import type { ReportFormat } from '../../src/main/report/index.ts';
import { bringDerivedUpToDate } from '../../src/main/review/index.ts';
import type { Library } from '../../src/main/storage/index.ts';
import type { QualityReport } from '../../src/shared/quality.ts';
import { cli } from '../cli/runCli.ts';
import { buildAuditedLibrary, LETTERS, SAMPLE_SIZE, SEED } from '../export/auditedLibrary.ts';
import { REVIEWER } from '../review/helpers.ts';
import { useTempFolder } from '../storage/helpers.ts';

const temp = useTempFolder();

function auditedLibrary(): Library {
  const library = temp.library({ reviewer: REVIEWER.reviewer });
  buildAuditedLibrary(library);
  return library;
}

const report = (library: Library, format: ReportFormat) => buildReport(library.db, { format, scope: 'all', libraryFile: library.file, appVersion: APP_VERSION }).text;

describe('the Data quality section of the report', () => {
  it('Markdown: the sample, the rates with their intervals, the agreement and the adjudication', () => {
    const markdown = report(auditedLibrary(), 'md');
    const section = markdown.slice(markdown.indexOf('## Data quality'), markdown.indexOf('## Sources of the published figures'));
    expect(section).toContain('### Spring audit');
    expect(section).toContain(`- seed ${SEED}, drawn `);
    expect(section).toContain(`- frame: every letter of the library, ${LETTERS} letters when drawn`);
    expect(section).toContain(`- letters checked: 5 of ${SAMPLE_SIZE} drawn`);
    expect(section).toContain('| Decision | 5 | 2 | 40.0% (5.3–85.3%) | of 5 unread letters, about 40.0% (5.3–85.3%) |');
    expect(section).toContain('| Service | 5 | 1 | 20.0% (0.5–71.6%) | of 5 unread letters, about 20.0% (0.5–71.6%) |');
    expect(section).toContain('| Decision | 6 | 5 | 83.3% (35.9–99.6%) |');
    expect(section).toContain('1 decided, 0 open.');
  });

  it('HTML: the same, as a section of its own with tables', () => {
    const html = report(auditedLibrary(), 'html');
    expect(html).toContain('<section id="quality"><h2>Data quality</h2>');
    expect(html).toContain('<h3>Spring audit</h3>');
    expect(html).toContain(`<li>frame: every letter of the library, ${LETTERS} letters when drawn</li>`);
    expect(html).toContain('<tr><td>Decision</td><td class="n">5</td><td class="n">2</td><td class="n">40.0% (5.3–85.3%)</td><td>of 5 unread letters, about 40.0% (5.3–85.3%)</td></tr>');
  });

  it('JSON: the quality report itself, for scripts', () => {
    const library = auditedLibrary();
    const { quality } = JSON.parse(report(library, 'json')) as { quality: QualityReport };
    expect(quality).toEqual(JSON.parse(JSON.stringify(qualityReport(library.db))));
    expect(quality.samples[0]?.sample.seed).toBe(SEED);
  });

  it('imr-review report writes it; a library without a sample says no audit was made', async () => {
    const library = auditedLibrary();
    bringDerivedUpToDate(library.db);
    library.close();
    const out = temp.folder();
    expect((await cli('report', '--db', library.file, '--out', out, '--format', 'md')).code).toBe(0);
    expect(readFileSync(path.join(out, 'imr-insights.md'), 'utf8')).toContain('| Decision | 5 | 2 | 40.0% (5.3–85.3%) |');

    const empty = temp.library({ reviewer: REVIEWER.reviewer });
    expect(report(empty, 'md')).toContain("No audit was made: no sample of letters was drawn and checked, so the error rates of the parser's values are unmeasured.");
  });
});
