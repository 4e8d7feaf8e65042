/**
 * The Insights view: the library's outcomes as charts and tables beside the published
 * figures, over the whole library or the queue's filter, verified letters or all. A bar, a
 * tile or a table row opens the queue on exactly the letters holding its items.
 */
import { useMemo, useState } from 'react';
import type { QueueFilter } from '../../../shared/api.ts';
import type { InsightSelection, InsightsScope } from '../../../shared/insights.ts';
import { queueFilterFor, SAMPLE_CAVEAT } from '../../../shared/insights.ts';
import { count } from '../../../shared/insightsFormat.ts';
import { headlineTiles, insightSections, scopeLabel } from '../../../charts/index.ts';
import { Choice } from '../components/Choice.tsx';
import { FullView } from '../components/FullView.tsx';
import { ChartFigure } from './ChartFigure.tsx';
import { InsightTableView } from './InsightTableView.tsx';
import { useInsights } from './useInsights.ts';
import './insights.css';

export interface InsightsViewProps {
  /** The queue's filter now. */
  readonly queueFilter: QueueFilter;
  /** Shows the queue filtered to a selection's letters. */
  readonly onOpenQueue: (filter: QueueFilter) => void;
  readonly onClose: () => void;
  readonly onError: (message: string) => void;
}

type Over = 'library' | 'queue';

export function InsightsView({ queueFilter, onOpenQueue, onClose, onError }: InsightsViewProps) {
  const [scope, setScope] = useState<InsightsScope>('verified');
  const queueFiltered = Object.keys(queueFilter).length > 0;
  const [over, setOver] = useState<Over>('library');
  const query = useMemo(() => ({ scope, filter: over === 'queue' ? queueFilter : {} }), [scope, over, queueFilter]);
  const { insights, loading, error } = useInsights(query);
  const sections = useMemo(() => (insights ? insightSections(insights) : []), [insights]);
  const open = (selection: InsightSelection) => {
    if (insights?.letterFilter) onOpenQueue(queueFilterFor(insights.letterFilter, selection));
  };
  return (
    <FullView
      id="insights"
      title="Insights"
      closeKey="I"
      onClose={onClose}
      header={
        <>
          <fieldset className="segmented">
            <legend className="visually-hidden">Letters</legend>
            <Choice name="scope" value="verified" current={scope} onChange={setScope} label="Verified letters" />
            <Choice name="scope" value="all" current={scope} onChange={setScope} label="All letters" />
          </fieldset>
          <fieldset className="segmented">
            <legend className="visually-hidden">Over</legend>
            <Choice name="over" value="library" current={over} onChange={setOver} label="Whole library" />
            <Choice name="over" value="queue" current={over} onChange={setOver} label="Queue's filter" disabled={!queueFiltered} />
          </fieldset>
          <span className="muted insights-status" aria-live="polite">
            {loading ? 'Working out the figures…' : insights ? `${count(insights.headline.letters)} letters, ${count(insights.headline.items)} items` : ''}
          </span>
        </>
      }
    >
      <div className="insights-body">
        {error && <p className="error">{error}</p>}
        {insights && insights.letterFilter === null && <p className="muted">The queue's status filter leaves no verified letter: choose All letters.</p>}
        {insights && insights.headline.letters === 0 && insights.letterFilter !== null && (
          <p className="muted">
            No letters here yet.{' '}
            {scope === 'verified' && (
              <button type="button" className="link" onClick={() => setScope('all')}>
                Show all letters
              </button>
            )}
          </p>
        )}
        {insights && insights.headline.letters > 0 && (
          <>
            <nav className="insights-nav" aria-label="Insights sections">
              {sections.map((section) => (
                <a key={section.id} href={`#insights-${section.id}`} onClick={(event) => jumpTo(event, section.id)}>
                  {section.title}
                </a>
              ))}
            </nav>
            <div className="insights-main">
              <p className="insights-scope muted">{scopeLabel(insights)}. Click a bar, a figure or a table row to see its letters in the queue.</p>
              <div className="insight-tiles">
                {headlineTiles(insights.headline).map((tile) => (
                  <button key={tile.label} type="button" className="insight-tile" disabled={tile.selection === null} onClick={() => tile.selection && open(tile.selection)}>
                    <span className="tile-label">{tile.label}</span>
                    <span className="tile-value">{tile.value}</span>
                    <span className="tile-detail">{tile.detail}</span>
                  </button>
                ))}
              </div>
              <p className="caveat">{SAMPLE_CAVEAT}</p>
              {sections.map((section) => (
                <section key={section.id} id={`insights-${section.id}`} className="insight-card" aria-labelledby={`insights-${section.id}-title`}>
                  <h3 id={`insights-${section.id}-title`}>{section.title}</h3>
                  <p className="muted">{section.note}</p>
                  {section.charts.map((chart) => (
                    <ChartFigure key={chart.id} chart={chart} titled={section.charts.length > 1} onSelect={(bar) => open(bar.selection)} onError={onError} />
                  ))}
                  <details open={section.id === 'published' || section.id === 'dwc' || section.id === 'mtus'}>
                    <summary>Table: {section.table.title}</summary>
                    <InsightTableView table={section.table} onSelect={open} />
                  </details>
                </section>
              ))}
            </div>
          </>
        )}
      </div>
    </FullView>
  );
}

/** Scrolls to a section inside the view; the page's address (which carries the bridge's token) is left alone. */
function jumpTo(event: React.MouseEvent, id: string): void {
  event.preventDefault();
  document.getElementById(`insights-${id}`)?.scrollIntoView({ block: 'start' });
}
