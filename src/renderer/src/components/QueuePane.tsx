/** The review queue: filters, search and a virtualized list that stays smooth at 100,000 letters. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { QueueFilter, QueueSort } from '../../../shared/api.ts';
import { DECISIONS, LETTER_FORMATS } from '../../../shared/letter.ts';
import { LETTER_STATUSES } from '../../../shared/library.ts';
import { HOME_STATE } from '../../../shared/licensure.ts';
import type { QueueRow, Tag } from '../../../shared/library.ts';
import { DWC_DRUG_CLASSES, DWC_REQUEST_CATEGORIES } from '../../../shared/dwcTaxonomy.ts';
import { CITATION_SOURCES, DRUG_CLASSES, SERVICE_CATEGORIES } from '../../../shared/vocabulary.ts';
import type { QueuePages } from '../state/useQueuePages.ts';
import { OptionalSelect, plainChoices } from './OptionalSelect.tsx';

const ROW_HEIGHT = 46;

export interface QueuePaneProps {
  readonly queue: QueuePages;
  readonly filter: QueueFilter;
  readonly sort: QueueSort;
  readonly tags: readonly Tag[];
  readonly selectedId: number | null;
  readonly searchInput: React.RefObject<HTMLInputElement | null>;
  readonly onFilter: (filter: QueueFilter) => void;
  readonly onSort: (sort: QueueSort) => void;
  readonly onSelect: (letterId: number) => void;
}

const STATUS_ICONS: Record<QueueRow['status'], string> = { unreviewed: '○', in_progress: '◐', verified: '✓', flagged: '⚑' };

export function QueuePane({ queue, filter, sort, tags, selectedId, searchInput, onFilter, onSort, onSelect }: QueuePaneProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // What is typed in the search box; it follows the filter when the filter changes elsewhere (Clear the filters).
  const [typed, setTyped] = useState(filter.search ?? '');
  useEffect(() => setTyped(filter.search ?? ''), [filter.search]);
  const virtualizer = useVirtualizer({
    count: queue.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => queue.ensure(first, last - first + 1), [queue, first, last]);

  // Bring a newly selected letter into view once its place is known, and again under a new
  // filter or sort, and only then: the list re-renders whenever a page of rows arrives, and must
  // not pull the reviewer back each time.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const place = `${selectedId} ${queue.loadedFor}`;
    if (selectedId === null || scrolledTo.current === place) return;
    const index = queue.indexOf(selectedId);
    if (index < 0) return;
    scrolledTo.current = place;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, queue, virtualizer]);

  const set = (changes: Partial<QueueFilter>) => {
    const next: Record<string, unknown> = { ...filter, ...changes };
    for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
    onFilter(next as QueueFilter);
  };
  // An empty box (Escape, the box's × button, the text deleted) is no search: the queue is never
  // filtered by words the box no longer shows. Other words apply at Enter.
  const clearOrType = (value: string) => {
    setTyped(value);
    if (value.trim() === '' && filter.search !== undefined) set({ search: undefined });
  };
  return (
    <nav className="queue" aria-label="Review queue">
      <div className="queue-controls">
        <input
          ref={searchInput}
          type="search"
          className="search"
          placeholder="Search letters  ( / )"
          aria-label="Search letters"
          value={typed}
          onChange={(event) => clearOrType(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') set({ search: event.currentTarget.value.trim() || undefined });
            if (event.key === 'Escape') {
              // The browser's own Escape empties the box; done here, so the search goes with it.
              event.preventDefault();
              clearOrType('');
              event.currentTarget.blur();
            }
            event.stopPropagation();
          }}
        />
        <div className="filters">
          <OptionalSelect
            label="Status"
            anyLabel="Any status"
            value={filter.status}
            choices={plainChoices(LETTER_STATUSES, (status) => status.replace('_', ' '))}
            onChange={(status) => set({ status })}
          />
          <OptionalSelect label="Decision" anyLabel="Any decision" value={filter.decision} choices={plainChoices(DECISIONS)} onChange={(decision) => set({ decision })} />
          <OptionalSelect
            label="Tag"
            anyLabel="Any tag"
            value={filter.tagId}
            choices={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
            onChange={(tagId) => set({ tagId })}
          />
          <OptionalSelect label="Format" anyLabel="Any format" value={filter.format} choices={plainChoices(LETTER_FORMATS)} onChange={(format) => set({ format })} />
          <OptionalSelect label="Service category" anyLabel="Any service" value={filter.category} choices={termChoices(SERVICE_CATEGORIES)} onChange={(category) => set({ category })} />
          <OptionalSelect label="Drug class" anyLabel="Any drug" value={filter.drugClass} choices={termChoices(DRUG_CLASSES)} onChange={(drugClass) => set({ drugClass })} />
          <OptionalSelect label="DWC category" anyLabel="DWC: any" value={filter.dwcCategory} choices={DWC_CATEGORY_CHOICES} onChange={(dwcCategory) => set({ dwcCategory })} />
          <OptionalSelect label="DWC drug class" anyLabel="DWC drug: any" value={filter.dwcDrugClass} choices={DWC_CLASS_CHOICES} onChange={(dwcDrugClass) => set({ dwcDrugClass })} />
          <OptionalSelect
            label="Guideline source"
            anyLabel="Any citation"
            value={filter.guidelineSource}
            choices={termChoices(CITATION_SOURCES)}
            onChange={(guidelineSource) => set({ guidelineSource })}
          />
          <OptionalSelect
            label="Licensure"
            anyLabel="Any licensure"
            value={licensureChoice(filter.licensure)}
            choices={licensureChoices(filter.licensure)}
            onChange={(choice) => set({ licensure: choice === undefined ? undefined : licensureOf(choice) })}
          />
          <label className="check">
            <input type="checkbox" checked={filter.hasWarnings === true} onChange={(e) => set({ hasWarnings: e.target.checked ? true : undefined })} />
            With warnings
          </label>
          <label className="check">
            <input type="checkbox" checked={filter.hasChecks === true} onChange={(e) => set({ hasChecks: e.target.checked ? true : undefined })} />
            With check findings
          </label>
          <select aria-label="Sort" value={sort} onChange={(e) => onSort(e.target.value as QueueSort)}>
            <option value="import">Import order</option>
            <option value="caseNumber">Case number</option>
            <option value="attention">Needs attention first</option>
          </select>
        </div>
        <div className="queue-count muted" aria-live="polite">
          {queue.total.toLocaleString()} letter{queue.total === 1 ? '' : 's'}
          {queue.error && <span className="error"> · {queue.error}</span>}
        </div>
      </div>
      {queue.total === 0 && queue.loadedFor !== null && (
        <p className="queue-empty">
          No letter matches{filter.search ? ` “${filter.search}”` : ''}
          {Object.keys(filter).length > (filter.search ? 1 : 0) ? ' with these filters' : ''}.
        </p>
      )}
      <div className="queue-list" ref={scroller} role="listbox" aria-label="Letters" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((virtual) => {
            const row = queue.rowAt(virtual.index);
            const selected = row !== undefined && row.id === selectedId;
            return (
              <div
                key={virtual.key}
                role="option"
                aria-selected={selected}
                className={`queue-row${selected ? ' selected' : ''}${row ? '' : ' loading'}`}
                style={{ height: ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
                onClick={() => row && onSelect(row.id)}
              >
                {row ? <QueueRowView row={row} blind={filter.blindPassId !== undefined} /> : <span className="muted">…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}

/**
 * Licensed in California or not, and the state an Insights row chose: the statute accepts a
 * licence in any state, so this is a fact to filter by, not a finding.
 */
function licensureChoices(current: QueueFilter['licensure']) {
  const choices = [
    { value: `yes:${HOME_STATE}`, label: `Licensed in ${HOME_STATE}` },
    { value: `no:${HOME_STATE}`, label: `Not licensed in ${HOME_STATE}`, title: `Letters listing states of licensure, none of them ${HOME_STATE}` },
  ];
  const chosen = licensureChoice(current);
  if (current && chosen !== undefined && !choices.some((choice) => choice.value === chosen)) {
    choices.push({ value: chosen, label: `${current.licensed ? 'Licensed' : 'Not licensed'} in ${current.state}` });
  }
  return choices;
}

function licensureChoice(licensure: QueueFilter['licensure']): string | undefined {
  return licensure && `${licensure.licensed ? 'yes' : 'no'}:${licensure.state}`;
}

function licensureOf(choice: string): QueueFilter['licensure'] {
  const [answer, ...state] = choice.split(':');
  return { state: state.join(':'), licensed: answer === 'yes' };
}

/** A taxonomy's terms as choices, each described in its tooltip. */
const DWC_CATEGORY_CHOICES = DWC_REQUEST_CATEGORIES.map((term) => ({ value: term.id, label: term.label, title: `DWC's Request Category ${term.label}` }));
const DWC_CLASS_CHOICES = DWC_DRUG_CLASSES.map((term) => ({ value: term.id, label: term.label, title: `DWC's drug class ${term.label}` }));

function termChoices<Id extends string>(terms: readonly { readonly id: Id; readonly description: string }[]) {
  return terms.map((term) => ({ value: term.id, label: term.id.replaceAll('-', ' '), title: term.description }));
}

/** In a blind pass the row says nothing of the values the reviewer is to enter: no decisions, no check findings. */
function QueueRowView({ row, blind }: { readonly row: QueueRow; readonly blind: boolean }) {
  return (
    <>
      <span className={`row-status status-${row.status}`} title={row.status.replace('_', ' ')} aria-label={row.status.replace('_', ' ')}>
        {STATUS_ICONS[row.status]}
      </span>
      <span className="row-main">
        <span className="row-case">{row.caseNumber ?? row.fileName}</span>
        <span className="row-meta muted">
          {row.itemCount} item{row.itemCount === 1 ? '' : 's'}
          {!blind && row.upheldCount > 0 && <span className="pill pill-upheld">{row.upheldCount} U</span>}
          {!blind && row.overturnedCount > 0 && <span className="pill pill-overturned">{row.overturnedCount} O</span>}
        </span>
      </span>
      {row.warningCount > 0 && (
        <span className="row-warnings" title={`${row.warningCount} parser warning(s)`}>
          ⚠ {row.warningCount}
        </span>
      )}
      {!blind && row.checkCount > 0 && (
        <span className="row-checks" title={`${row.checkCount} rule check finding(s)`}>
          ◆ {row.checkCount}
        </span>
      )}
    </>
  );
}
