/**
 * The insights as one self-contained HTML page: charts as inline SVG (drawn by the same chart
 * code as the app, into linkedom's document), tables, the measured data quality, the published
 * figures with their sources, and the caveat. No script and no request: its Content-Security-Policy allows
 * nothing to load, so the page reads the same offline, in any browser, years later.
 */
import { parseHTML } from 'linkedom';
import type { ChartDocument, InsightTable } from '../../charts/index.ts';
import { headlineTiles, insightSections, scopeLabel, shownRows } from '../../charts/index.ts';
import type { Insights } from '../../shared/insights.ts';
import type { QualityBlock } from '../export/index.ts';
import { QUALITY_TITLE } from '../export/index.ts';
import { SAMPLE_CAVEAT } from '../../shared/insights.ts';
import type { ReportFacts } from './facts.ts';
import { referenceSources } from './facts.ts';

/** Wide enough for long labels, narrow enough to print on A4 landscape. */
const CHART_WIDTH = 960;

const STYLE = `
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; color: #1d2330; background: #f6f7f9; margin: 0; }
  main { max-width: ${CHART_WIDTH + 48}px; margin: 0 auto; padding: 24px; }
  h1 { margin: 0 0 4px; font-size: 24px; } h2 { font-size: 18px; margin: 0 0 4px; }
  section { background: #fff; border: 1px solid #dfe3e8; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
  .muted { color: #5f6b7a; } .caveat { border-left: 4px solid #D55E00; padding: 8px 12px; background: #fff7f0; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 10px; margin-top: 12px; }
  .tile { border: 1px solid #dfe3e8; border-radius: 6px; padding: 8px 10px; } .tile b { display: block; font-size: 20px; }
  figure { margin: 12px 0; } svg { max-width: 100%; height: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
  th, td { border-bottom: 1px solid #eef0f3; padding: 4px 6px; text-align: left; vertical-align: top; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  details summary { cursor: pointer; color: #2f5fd0; margin-top: 6px; }
`;

export function reportHtml(insights: Insights, quality: readonly QualityBlock[], facts: ReportFacts): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chartDocument = document as unknown as ChartDocument;
  const sections = insightSections(insights).map((section) => {
    const charts = section.charts.map((chart) => `<figure>${chart.draw(chartDocument, CHART_WIDTH, section.charts.length > 1).svg.outerHTML}</figure>`).join('');
    return `<section id="${section.id}"><h2>${escape(section.title)}</h2><p class="muted">${escape(section.note)}</p>${charts}
      <details${section.id === 'decisions' || section.id === 'published' ? ' open' : ''}><summary>Table: ${escape(section.table.title)}</summary>${table(section.table)}</details></section>`;
  });
  const h = insights.headline;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IMR insights: ${escape(facts.libraryName)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>IMR insights</h1>
<p class="muted">${escape(scopeLabel(insights))} of ${escape(facts.libraryName)}: ${h.letters.toLocaleString('en-US')} letters, ${h.items.toLocaleString('en-US')} items. Written ${escape(facts.generatedAt)} by IMR Review Workstation ${escape(facts.appVersion)}.</p></header>
<section><div class="tiles">${headlineTiles(h).map((tile) => `<div class="tile"><span class="muted">${escape(tile.label)}</span><b>${escape(tile.value)}</b><span class="muted">${escape(tile.detail)}</span></div>`).join('')}</div>
<p class="caveat">${escape(SAMPLE_CAVEAT)}</p></section>
${sections.join('\n')}
<section id="quality"><h2>${QUALITY_TITLE}</h2>${quality.map(qualityBlock).join('')}</section>
<section id="sources"><h2>Sources of the published figures</h2><ul>${referenceSources(insights).map((source) => `<li>${escape(source)}</li>`).join('')}</ul></section>
</main></body></html>
`;
}

function table(model: InsightTable): string {
  const head = model.columns.map((column) => `<th${column.numeric ? ' class="n"' : ''}>${escape(column.label)}</th>`).join('');
  const { rows: shown, more } = shownRows(model);
  const rows = shown.map((row) => `<tr>${row.cells.map((cell, index) => `<td${model.columns[index]?.numeric ? ' class="n"' : ''}>${escape(cell.text)}</td>`).join('')}</tr>`);
  const rest = more > 0 ? `<p class="muted">… and ${more.toLocaleString('en-US')} more groups: all of them are in the JSON report.</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${rest}`;
}

/** One block of the data quality section, as the card's Markdown says it. */
function qualityBlock(block: QualityBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h3>${escape(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${escape(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const cell = (tag: 'th' | 'td', text: string, index: number) => `<${tag}${block.columns[index]?.numeric ? ' class="n"' : ''}>${escape(text)}</${tag}>`;
      const head = block.columns.map((column, index) => cell('th', column.label, index)).join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${block.rows.map((row) => `<tr>${row.map((text, index) => cell('td', text, index)).join('')}</tr>`).join('')}</tbody></table>`;
    }
  }
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
