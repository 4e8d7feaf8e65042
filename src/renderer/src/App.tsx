/** The workstation: queue on the left, source text in the middle, extracted fields on the right. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, DerivedUpdate, QueueFilter, QueueSort, ScreenUpdate, ShellCommand } from '../../shared/api.ts';
import type { Span } from '../../shared/letter.ts';
import type { StoredLetter, Tag, UndoState } from '../../shared/library.ts';
import { api, ApiCallError, desktop } from './api/client.ts';
import { valuesNeedingAttention } from './attention.ts';
import type { FieldHandlers } from './components/EditableField.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import { useSettleFocusRequests } from './components/focus.ts';
import type { LetterFocus } from './components/focus.ts';
import type { ItemStructureHandlers } from './components/ItemCard.tsx';
import type { StructureHandler } from './components/ItemReading.tsx';
import { LetterPane } from './components/LetterPane.tsx';
import { QueuePane } from './components/QueuePane.tsx';
import { SourceArea } from './components/SourceArea.tsx';
import { StatusBar } from './components/StatusBar.tsx';
import { TopBar } from './components/TopBar.tsx';
import { Dialogs, ReviewerPrompt } from './dialogs/Dialogs.tsx';
import { InsightsView } from './insights/InsightsView.tsx';
import { SelectionBanner } from './insights/SelectionBanner.tsx';
import { BlindEntry } from './quality/BlindEntry.tsx';
import { QualityBanner } from './quality/QualityBanner.tsx';
import { QualityView } from './quality/QualityView.tsx';
import { useBlindPass } from './quality/useBlindPass.ts';
import { TeamView } from './team/TeamView.tsx';
import type { FieldTarget } from './fields.ts';
import type { ShortcutAction } from './state/shortcuts.ts';
import { useKeyboard } from './state/useKeyboard.ts';
import { useNextLetter } from './state/useNextLetter.ts';
import { useNotices } from './state/useNotices.ts';
import { queueKey, useQueuePages } from './state/useQueuePages.ts';
import type { QueuePages } from './state/useQueuePages.ts';
import type { LetterRevisions } from './state/letterRevisions.ts';
import { readReviewPlace, saveReviewPlace } from './state/reviewPlace.ts';
import { useReviewActions } from './state/useReviewActions.ts';
import { useSearchMarks } from './state/useSearchMarks.ts';
import { nextSourceView, useSourceView } from './state/useSourceView.ts';
import { openLetterPagesEarly } from './pages/useLetterPages.ts';

const SHELL_COMMAND_ACTIONS: Record<Exclude<ShellCommand, 'libraryChanged'>, ShortcutAction> = {
  showImport: 'import',
  showExport: 'export',
  undo: 'undo',
  redo: 'redo',
  find: 'focusSearch',
  nextLetter: 'nextToReview',
  showShortcuts: 'help',
  showInsights: 'insights',
  showQuality: 'quality',
  showTeam: 'team',
};

export type Dialog = 'help' | 'tags' | 'import' | 'export' | 'conflicts' | 'history' | 'flag' | 'note' | 'tagPicker' | 'bulk' | 'corrections' | 'insights' | 'quality' | 'team' | 'checks' | null;

/** Where a letter opens: at the first value needing attention, else at its first item. */
function firstTarget(letter: StoredLetter | null): FieldTarget | null {
  if (!letter) return null;
  const first = valuesNeedingAttention(letter)[0]?.target;
  if (first) return first;
  const item = letter.items[0];
  return item ? { kind: 'item', itemId: item.id, field: 'decision' } : null;
}

const DERIVED_POLL_MS = 2000;
/** The longest a letter waits for its pages to reach pdf.js before it is shown anyway. */
const PAGES_HEAD_START_MS = 50;

/** The letters before and after this one in the queue, where they are loaded. */
function neighboursInQueue(queue: QueuePages, letterId: number): number[] {
  const index = queue.indexOf(letterId);
  if (index < 0) return [];
  return [queue.rowAt(index + 1)?.id, queue.rowAt(index - 1)?.id].filter((id): id is number => id !== undefined);
}

export function App() {
  /** Where this window was before a reload: its letter opens again if it is this library's and still in the queue. */
  const [restored] = useState(readReviewPlace);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stats, setStats] = useState<{ letters: number; verified: number } | null>(null);
  const [derivedUpdate, setDerivedUpdate] = useState<DerivedUpdate | null>(null);
  const [filter, setFilter] = useState<QueueFilter>({});
  const [sort, setSort] = useState<QueueSort>(restored.sort);
  const [queueVersion, setQueueVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(restored.letterId);
  const [letter, setLetter] = useState<StoredLetter | null>(null);
  const [focused, setFocused] = useState<FieldTarget | null>(null);
  /** Goes up whenever the keyboard focus should follow `focused` (a key or a click asked for a field). */
  const [focusRequest, setFocusRequest] = useState(0);
  useSettleFocusRequests(focusRequest);
  const [editing, setEditing] = useState<FieldTarget | null>(null);
  const [tags, setTags] = useState<readonly Tag[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const notices = useNotices();
  const selection = useRef<readonly Span[] | null>(null);
  const [sourceView, setSourceView] = useSourceView();
  /** The letter as last loaded, ahead of React's render. */
  const letterRef = useRef<StoredLetter | null>(null);
  const revisions = useRef<LetterRevisions | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [undoState, setUndoState] = useState<UndoState | null>(null);
  const undoRef = useRef<UndoState | null>(null);
  const queue = useQueuePages(filter, sort, queueVersion, selectedId);
  const nextLetter = useNextLetter(letter, filter, sort, queueVersion);
  const marks = useSearchMarks(letter?.id ?? null, filter.search ?? null);

  const { say, error } = notices;
  const fail = useCallback(
    (problem: unknown) => {
      if (problem instanceof ApiCallError && problem.code === 'library-changed') window.location.reload();
      else error(problem instanceof Error ? problem.message : String(problem));
    },
    [error],
  );

  const loadStats = useCallback(async () => {
    const s = await api.getStats();
    setStats({ letters: s.letters, verified: s.verified });
    setDerivedUpdate(s.derivedUpdate);
  }, []);
  const loadTags = useCallback(async () => setTags(await api.listTags()), []);
  /**
   * Undo states arrive from several calls (a change's reply, a refresh); each call takes a
   * ticket when sent, and only the newest call's state is shown: the server answers in order,
   * so an older reply arriving late never puts back a step that is no longer on top.
   */
  const undoAsked = useRef(0);
  const undoTicket = useCallback(() => ++undoAsked.current, []);
  const showUndoState = useCallback((state: UndoState, ticket: number) => {
    if (ticket !== undoAsked.current) return;
    undoRef.current = state;
    setUndoState(state);
  }, []);
  const loadUndoState = useCallback(async () => {
    const ticket = undoTicket();
    showUndoState(await api.getUndoState(), ticket);
  }, [undoTicket, showUndoState]);

  // Another window or program may have changed the library meanwhile: coming back to this one, Undo offers what is on top now.
  useEffect(() => {
    const onFocus = () => void loadUndoState().catch(fail);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [loadUndoState, fail]);

  useEffect(() => {
    void api.getAppInfo().then(setInfo, fail);
    void loadStats().catch(fail);
    void loadTags().catch(fail);
    void loadUndoState().catch(fail);
  }, [fail, loadStats, loadTags, loadUndoState]);

  // While the library's checks are brought to this version, its progress is polled; the queue is counted again at the end.
  const updating = derivedUpdate !== null;
  useEffect(() => {
    if (!updating) return;
    const timer = window.setInterval(() => void loadStats().catch(fail), DERIVED_POLL_MS);
    return () => {
      window.clearInterval(timer);
      setQueueVersion((v) => v + 1);
    };
  }, [updating, loadStats, fail]);

  const focus = useCallback((target: FieldTarget | null) => {
    setFocused(target);
    setEditing(null);
    setFocusRequest((n) => n + 1);
  }, []);

  /** Puts a loaded letter on screen; a new letter opens where its attention starts. */
  /**
   * The letter the reviewer asked for last, and a count of the asks: a letter that arrives after
   * a later ask (a slow load, or the reload after a change) is not shown over it.
   */
  const asked = useRef<{ letterId: number | null; count: number }>({ letterId: restored.letterId, count: 0 });

  const showLetter = useCallback(
    (loaded: StoredLetter | null, letterId: number, focusMode: LetterFocus) => {
      asked.current = { letterId, count: asked.current.count + 1 };
      if (loaded) revisions.current?.loaded(loaded.id, loaded.revision);
      letterRef.current = loaded;
      setSelectedId(letterId);
      setLetter(loaded);
      setEditing(null);
      selection.current = null;
      if (focusMode !== 'keep') setFocused(firstTarget(loaded));
      if (focusMode === 'take') setFocusRequest((n) => n + 1);
    },
    [],
  );

  const openLetter = useCallback(
    async (letterId: number, focusMode: LetterFocus = 'first') => {
      const ask = { letterId, count: asked.current.count + 1 };
      asked.current = ask;
      // Its pages are fetched and opened while the letter itself loads, and handed to pdf.js
      // before the letter is laid out: pdf.js reads them on its own thread meanwhile, where the
      // layout would otherwise hold up each of its steps on this one.
      const pages = sourceView === 'text' ? null : openLetterPagesEarly(letterId);
      const loaded = await api.getLetter(letterId);
      if (pages) await Promise.race([pages, new Promise((resolve) => setTimeout(resolve, PAGES_HEAD_START_MS))]);
      if (asked.current.count === ask.count) showLetter(loaded, letterId, focusMode);
    },
    [showLetter, sourceView],
  );

  const closeLetter = useCallback(() => {
    letterRef.current = null;
    asked.current = { letterId: null, count: asked.current.count + 1 };
    setSelectedId(null);
    setLetter(null);
    setFocused(null);
    setEditing(null);
  }, []);

  const refresh = useCallback(async () => {
    // The letter asked for last: one opened while the change was saved is the one to show.
    const shown = asked.current.letterId;
    if (shown !== null) await openLetter(shown, letterRef.current?.id === shown ? 'keep' : 'first');
    setQueueVersion((v) => v + 1);
    await Promise.all([loadStats(), loadTags(), loadUndoState()]);
  }, [openLetter, loadStats, loadTags, loadUndoState]);

  const showScreen = useCallback(
    (screen: ScreenUpdate, ticket: number, open: boolean) => {
      const changed = screen.letter;
      if (changed && (open || asked.current.letterId === changed.id)) showLetter(changed, changed.id, letterRef.current?.id === changed.id ? 'keep' : 'first');
      showUndoState(screen.undo, ticket);
      if (screen.progress) setStats(screen.progress);
      setQueueVersion((v) => v + 1);
    },
    [showLetter, showUndoState],
  );

  const blind = useBlindPass({
    filter,
    sort,
    letterId: letter?.id ?? null,
    openLetter,
    closeLetter,
    reloadQueue: () => setQueueVersion((v) => v + 1),
    say,
    fail,
  });
  // In blind mode the source shows no value's highlight: each would show a value the reviewer is to enter.
  const sourceLetter = useMemo(
    () => (letter && blind.passId !== null ? { ...letter, spans: {}, items: letter.items.map((item) => ({ ...item, spans: {} })) } : letter),
    [letter, blind.passId],
  );

  const actions = useReviewActions({
    refresh,
    undoTicket,
    showScreen,
    focus,
    notify: say,
    warn: error,
    noticesShown: notices.shown,
    loadUndoState,
    undoState: () => undoRef.current,
  });
  revisions.current = actions.revisions;

  /** Shows the next letter needing review after `currentId`, loaded ahead when it could be; false when there is none. */
  const showNextToReview = useCallback(
    async (currentId: number, focusMode: LetterFocus = 'first') => {
      const next = await nextLetter.take(currentId);
      if (next.letter) showLetter(next.letter, next.letter.id, focusMode);
      else if (next.id !== null) await openLetter(next.id, focusMode);
      else say('No other letter in this queue needs review.');
      return next.id !== null;
    },
    [nextLetter, showLetter, openLetter, say],
  );

  /**
   * Done with this letter: the next letter needing review (loaded ahead) is shown at once, while
   * the items left are confirmed and the letter verified, as one undoable change.
   */
  const finishLetter = useCallback(async (focusMode: LetterFocus = 'first') => {
    const current = letterRef.current;
    if (!current) return;
    await showNextToReview(current.id, focusMode);
    if (current.status !== 'verified') await actions.verify(current);
  }, [showNextToReview, actions]);

  // Handlers bind the letter shown when they were made: a change always names the letter it was made on.
  const structureHandlers = useMemo<(ItemStructureHandlers & StructureHandler) | null>(
    () =>
      letter && {
        onMove: (itemId, step) => void actions.moveItem(letter, itemId, step).catch(fail),
        onSplit: (itemId) => void actions.splitItem(letter, itemId, selection.current).catch(fail),
        onMergeWithNext: (itemId) => void actions.mergeWithNext(letter, itemId).catch(fail),
        onDelete: (itemId) => void actions.deleteItem(letter, itemId).catch(fail),
        onToggleConfirmed: (itemId) => void actions.toggleConfirmed(letter, itemId).catch(fail),
        onSetStructure: (itemId, key, value) => void actions.setStructure(letter, itemId, key, value).catch(fail),
      },
    [letter, actions, fail],
  );
  const fieldHandlers = useMemo<FieldHandlers | null>(
    () =>
      letter && {
        onFocus: (target) => setFocused(target),
        onStartEdit: (target) => {
          setFocused(target);
          setEditing(target);
        },
        onSave: (target, value) => {
          setEditing(null);
          void actions.saveField(letter, target, value).catch(fail);
        },
        onCancelEdit: () => setEditing(null),
      },
    [letter, actions, fail],
  );

  // Open the first letter of the queue once there is one.
  useEffect(() => {
    if (selectedId === null && letterRef.current === null && queue.total > 0 && queue.loadedFor === queueKey(filter, sort)) {
      const first = queue.rowAt(0);
      if (first) void openLetter(first.id).catch(fail);
    }
  }, [queue, queue.total, selectedId, filter, sort, openLetter, fail]);

  // A new filter or sort (or the first queue after a reload): the open letter stays open while
  // it still matches, wherever it stands in the queue; otherwise the first match opens.
  const settledFor = useRef<string | null>(null);
  useEffect(() => {
    const key = queueKey(filter, sort);
    if (info === null || queue.loadedFor !== key || settledFor.current === key) return;
    settledFor.current = key;
    const fromOtherLibrary = letterRef.current === null && restored.libraryId !== info.libraryId;
    const shown = fromOtherLibrary ? null : asked.current.letterId;
    if (shown !== null && queue.indexOf(shown) >= 0) {
      if (letterRef.current?.id !== shown) void openLetter(shown).catch(fail);
      return;
    }
    const first = queue.total > 0 ? queue.rowAt(0) : undefined;
    if (first) void openLetter(first.id).catch(fail);
    else closeLetter();
  }, [info, restored, queue, queue.loadedFor, filter, sort, openLetter, closeLetter, fail]);

  const libraryId = info?.libraryId ?? null;
  useEffect(() => {
    if (libraryId !== null) saveReviewPlace({ libraryId, letterId: selectedId, sort });
  }, [libraryId, selectedId, sort]);

  const perform = useKeyboard({
    // In blind mode no review key may act on the letter whose values are hidden.
    letter: blind.passId === null ? letter : null,
    focused,
    editing,
    tags,
    queue,
    selectedId,
    lastAsked: () => asked.current.letterId,
    filter,
    sort,
    dialog,
    actions,
    selection,
    searchInput,
    setDialog,
    setEditing,
    focus,
    openLetter,
    nextSourceView: () => setSourceView(nextSourceView),
    finishLetter,
    showNextToReview,
    refresh,
    notify: say,
    warn: error,
    fail,
  });

  // Menu commands of the desktop shell run the same actions as their keys.
  useEffect(
    () =>
      desktop?.onCommand((command) => {
        if (command === 'libraryChanged') window.location.reload();
        else perform(SHELL_COMMAND_ACTIONS[command]);
      }),
    [perform],
  );

  const empty = stats !== null && stats.letters === 0;
  const needsReviewer = info !== null && info.reviewer === null;
  const filtered = Object.keys(filter).length > 0;
  // The open letter as the blind pass shows it; null outside blind mode or for a letter not in the pass.
  const blindLetter = blind.passId === null ? null : blind.letter;
  return (
    <div className="app">
      <TopBar info={info} stats={stats} undoState={undoState} onDialog={setDialog} onStep={(direction) => void actions.step(direction).catch(fail)} />
      <SelectionBanner filter={filter} onFilter={setFilter} />
      <QualityBanner filter={filter} version={queueVersion} onFilter={setFilter} />
      {empty ? (
        <EmptyState
          onLoadSamples={() => api.loadSampleLetters().then(() => setDialog('import'), fail)}
          onImport={() => setDialog('import')}
        />
      ) : (
        <main className={`workspace source-${sourceView}`}>
          <QueuePane
            queue={queue}
            filter={filter}
            sort={sort}
            tags={tags}
            selectedId={selectedId}
            searchInput={searchInput}
            onFilter={setFilter}
            onSort={setSort}
            onSelect={(id) => void openLetter(id).catch(fail)}
          />
          {letter && sourceLetter && fieldHandlers && structureHandlers ? (
            <>
              <SourceArea
                letter={sourceLetter}
                neighbours={neighboursInQueue(queue, letter.id)}
                view={sourceView}
                focused={blind.passId === null ? focused : null}
                marks={marks}
                onView={setSourceView}
                onFocusField={focus}
                onSelectionChange={(spans) => {
                  selection.current = spans;
                }}
                onError={error}
              />
              {blindLetter === 'loading' ? (
                <aside className="letter-pane" aria-label="Blind entry">
                  <p className="muted">Loading…</p>
                </aside>
              ) : blindLetter ? (
                <BlindEntry
                  key={`${blindLetter.passId}:${blindLetter.letterId}`}
                  blind={blindLetter}
                  lastResult={blind.lastResult}
                  onSubmit={(values) => blind.submit(blindLetter, values)}
                />
              ) : (
                <LetterPane
                  letter={letter}
                  focused={focused}
                  focusRequest={focusRequest}
                  editing={editing}
                  handlers={fieldHandlers}
                  structure={structureHandlers}
                  onDecide={(itemId, decision) => void actions.decide(letter, itemId, decision).catch(fail)}
                  onVerify={() => void actions.verify(letter).catch(fail)}
                  onFinish={() => void finishLetter().catch(fail)}
                  onFlag={() => setDialog('flag')}
                  onReopen={() => void actions.reopen(letter).catch(fail)}
                  onAddItem={() => void actions.addItem(letter, letter.items.length).catch(fail)}
                  onUntagLetter={(tagId) => void actions.untag(letter, tagId, null).catch(fail)}
                  onUntagItem={(itemId, tagId) => void actions.untag(letter, tagId, itemId).catch(fail)}
                  onDeleteNote={(noteId) => void actions.deleteNote(letter, noteId).catch(fail)}
                  onAddNote={() => setDialog('note')}
                  onShowHistory={() => setDialog('history')}
                />
              )}
            </>
          ) : (
            <div className="placeholder">
              {queue.total === 0 && queue.loadedFor !== null ? (
                <div className="no-match">
                  <p>{filtered ? 'No letter matches these filters.' : 'No letters.'}</p>
                  {filtered && (
                    <button type="button" onClick={() => setFilter({})}>
                      Clear the filters
                    </button>
                  )}
                </div>
              ) : (
                <p className="muted">Loading…</p>
              )}
            </div>
          )}
        </main>
      )}
      <StatusBar notice={notices.notice} onUndo={() => void actions.step('undo').catch(fail)} onDismiss={notices.dismiss} derivedUpdate={derivedUpdate} onCheckSettings={() => setDialog('checks')} />
      <Dialogs
        dialog={dialog}
        letter={letter}
        focused={focused}
        tags={tags}
        actions={actions}
        onClose={() => setDialog(null)}
        onChanged={() => void refresh()}
        onOpenLetter={(id) => {
          setDialog(null);
          void openLetter(id).catch(fail);
        }}
        onError={error}
        fail={fail}
      />
      {dialog === 'insights' && (
        <InsightsView
          queueFilter={filter}
          onOpenQueue={(selected) => {
            setDialog(null);
            setFilter(selected);
            // The first letter of the selection opens once the queue has it.
            setSelectedId(null);
          }}
          onClose={() => setDialog(null)}
          onError={error}
        />
      )}
      {dialog === 'quality' && (
        <QualityView
          queueFilter={filter}
          onOpenQueue={(selected) => {
            setDialog(null);
            setFilter(selected);
            setSelectedId(null);
          }}
          onChanged={() => void refresh()}
          onOpenLetter={(id) => {
            setDialog(null);
            void openLetter(id).catch(fail);
          }}
          onClose={() => setDialog(null)}
          onError={error}
        />
      )}
      {dialog === 'team' && (
        <TeamView
          queueFilter={filter}
          onChanged={() => void refresh()}
          onOpenLetter={(id) => {
            setDialog(null);
            void openLetter(id).catch(fail);
          }}
          onClose={() => setDialog(null)}
          onError={error}
        />
      )}
      {needsReviewer && (
        <ReviewerPrompt onSubmit={(name) => void api.setReviewer(name).then(() => api.getAppInfo()).then(setInfo, fail)} />
      )}
    </div>
  );
}
