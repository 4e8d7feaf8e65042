/** The workstation: queue on the left, source text in the middle, extracted fields on the right. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppInfo, QueueFilter, QueueSort, ShellCommand } from '../../shared/api.ts';
import type { Span } from '../../shared/letter.ts';
import type { StoredLetter, Tag, UndoState } from '../../shared/library.ts';
import { api, ApiCallError, desktop } from './api/client.ts';
import type { FieldHandlers } from './components/EditableField.tsx';
import { EmptyState } from './components/EmptyState.tsx';
import type { ItemStructureHandlers } from './components/ItemCard.tsx';
import { LetterPane } from './components/LetterPane.tsx';
import { QueuePane } from './components/QueuePane.tsx';
import { SourcePane } from './components/SourcePane.tsx';
import { TopBar } from './components/TopBar.tsx';
import { ConflictsDialog } from './dialogs/ConflictsDialog.tsx';
import { ExportDialog } from './dialogs/ExportDialog.tsx';
import { HistoryDialog } from './dialogs/HistoryDialog.tsx';
import { ImportDialog } from './dialogs/ImportDialog.tsx';
import { ShortcutSheet } from './dialogs/ShortcutSheet.tsx';
import { TagManager } from './dialogs/TagManager.tsx';
import { TagPicker } from './dialogs/TagPicker.tsx';
import { TextPrompt } from './dialogs/TextPrompt.tsx';
import { InsightsView } from './insights/InsightsView.tsx';
import { SelectionBanner } from './insights/SelectionBanner.tsx';
import type { FieldTarget } from './fields.ts';
import type { ShortcutAction } from './state/shortcuts.ts';
import { useKeyboard } from './state/useKeyboard.ts';
import { useQueuePages } from './state/useQueuePages.ts';
import type { LetterRevisions } from './state/letterRevisions.ts';
import { useReviewActions } from './state/useReviewActions.ts';

const SHELL_COMMAND_ACTIONS: Record<Exclude<ShellCommand, 'libraryChanged'>, ShortcutAction> = {
  showImport: 'import',
  showExport: 'export',
  undo: 'undo',
  redo: 'redo',
  find: 'focusSearch',
  nextLetter: 'nextToReview',
  showShortcuts: 'help',
  showInsights: 'insights',
};

export type Dialog = 'help' | 'tags' | 'import' | 'export' | 'conflicts' | 'history' | 'flag' | 'note' | 'tagPicker' | 'insights' | null;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stats, setStats] = useState<{ letters: number; verified: number } | null>(null);
  const [filter, setFilter] = useState<QueueFilter>({});
  const [sort, setSort] = useState<QueueSort>('import');
  const [queueVersion, setQueueVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [letter, setLetter] = useState<StoredLetter | null>(null);
  const [focused, setFocused] = useState<FieldTarget | null>(null);
  const [editing, setEditing] = useState<FieldTarget | null>(null);
  const [tags, setTags] = useState<readonly Tag[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const selection = useRef<Span | null>(null);
  /** The letter as last loaded, ahead of React's render. */
  const letterRef = useRef<StoredLetter | null>(null);
  const revisions = useRef<LetterRevisions | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [undoState, setUndoState] = useState<UndoState | null>(null);
  const undoRef = useRef<UndoState | null>(null);
  const queue = useQueuePages(filter, sort, queueVersion);

  const notify = useCallback((text: string) => setMessage(text), []);
  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiCallError && error.code === 'library-changed') window.location.reload();
    else setMessage(error instanceof Error ? error.message : String(error));
  }, []);

  const loadStats = useCallback(async () => {
    const s = await api.getStats();
    setStats({ letters: s.letters, verified: s.verified });
  }, []);
  const loadTags = useCallback(async () => setTags(await api.listTags()), []);
  const loadUndoState = useCallback(async () => {
    const state = await api.getUndoState();
    undoRef.current = state;
    setUndoState(state);
  }, []);

  useEffect(() => {
    void api.getAppInfo().then(setInfo, fail);
    void loadStats().catch(fail);
    void loadTags().catch(fail);
    void loadUndoState().catch(fail);
  }, [fail, loadStats, loadTags, loadUndoState]);

  const openLetter = useCallback(
    async (letterId: number, keepFocus = false) => {
      const loaded = await api.getLetter(letterId);
      if (loaded) revisions.current?.loaded(loaded.id, loaded.revision);
      letterRef.current = loaded;
      setSelectedId(letterId);
      setLetter(loaded);
      setEditing(null);
      selection.current = null;
      if (!keepFocus) {
        const first = loaded?.items[0];
        setFocused(first ? { kind: 'item', itemId: first.id, field: 'service' } : null);
      }
    },
    [],
  );

  const refresh = useCallback(async () => {
    const shown = letterRef.current?.id ?? null;
    if (shown !== null) await openLetter(shown, true);
    setQueueVersion((v) => v + 1);
    await Promise.all([loadStats(), loadTags(), loadUndoState()]);
  }, [openLetter, loadStats, loadTags, loadUndoState]);

  const focus = useCallback((target: FieldTarget | null) => {
    setFocused(target);
    setEditing(null);
  }, []);

  const actions = useReviewActions({
    refresh,
    focus,
    notify,
    openLetter,
    shownLetterId: () => letterRef.current?.id ?? null,
    undoState: () => undoRef.current,
  });
  revisions.current = actions.revisions;
  // Handlers bind the letter shown when they were made: a change always names the letter it was made on.
  const structureHandlers = useMemo<ItemStructureHandlers | null>(
    () =>
      letter && {
        onMove: (itemId, step) => void actions.moveItem(letter, itemId, step).catch(fail),
        onSplit: (itemId) => void actions.splitItem(letter, itemId, selection.current).catch(fail),
        onMergeWithNext: (itemId) => void actions.mergeWithNext(letter, itemId).catch(fail),
        onDelete: (itemId) => void actions.deleteItem(letter, itemId).catch(fail),
      },
    [letter, actions, fail],
  );
  const fieldHandlers = useMemo<FieldHandlers | null>(
    () =>
      letter && {
        onFocus: focus,
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
    [letter, focus, actions, fail],
  );

  // Open the first letter of the queue once there is one.
  useEffect(() => {
    if (selectedId === null && queue.total > 0) {
      const first = queue.rowAt(0);
      if (first) void openLetter(first.id).catch(fail);
    }
  }, [queue, queue.total, selectedId, openLetter, fail]);

  const perform = useKeyboard({ letter, focused, editing, tags, queue, selectedId, filter, sort, dialog, actions, selection, searchInput, setDialog, setEditing, focus, openLetter, refresh, notify, fail });

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
  return (
    <div className="app">
      <TopBar info={info} stats={stats} undoState={undoState} onDialog={setDialog} onStep={(direction) => void actions.step(direction).catch(fail)} />
      <SelectionBanner filter={filter} onFilter={setFilter} />
      {empty ? (
        <EmptyState
          onLoadSamples={() => api.loadSampleLetters().then(() => setDialog('import'), fail)}
          onImport={() => setDialog('import')}
        />
      ) : (
        <main className="workspace">
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
          {letter && fieldHandlers && structureHandlers ? (
            <>
              <SourcePane
                letter={letter}
                focused={focused}
                search={filter.search ?? null}
                onFocusField={focus}
                onSelectionChange={(span) => {
                  selection.current = span;
                }}
              />
              <LetterPane
                letter={letter}
                focused={focused}
                editing={editing}
                handlers={fieldHandlers}
                structure={structureHandlers}
                onDecide={(itemId, decision) => void actions.decide(letter, itemId, decision).catch(fail)}
                onVerify={() => void actions.verify(letter).catch(fail)}
                onFlag={() => setDialog('flag')}
                onReopen={() => void actions.reopen(letter).catch(fail)}
                onAddItem={() => void actions.addItem(letter, letter.items.length).catch(fail)}
                onUntagLetter={(tagId) => void actions.untag(letter, tagId, null).catch(fail)}
                onUntagItem={(itemId, tagId) => void actions.untag(letter, tagId, itemId).catch(fail)}
                onDeleteNote={(noteId) => void actions.deleteNote(letter, noteId).catch(fail)}
                onAddNote={() => setDialog('note')}
                onShowHistory={() => setDialog('history')}
              />
            </>
          ) : (
            <div className="placeholder muted">{queue.total === 0 ? 'No letters match the filter.' : 'Loading…'}</div>
          )}
        </main>
      )}
      <footer className="status-bar" aria-live="polite">
        <span>{message ?? 'Press ? for keyboard shortcuts.'}</span>
        {message && (
          <button type="button" className="link" onClick={() => setMessage(null)}>
            dismiss
          </button>
        )}
      </footer>
      {dialog === 'help' && <ShortcutSheet onClose={() => setDialog(null)} />}
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
          onError={notify}
        />
      )}
      {dialog === 'tags' && <TagManager tags={tags} onChanged={() => void refresh()} onClose={() => setDialog(null)} onError={notify} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={() => void refresh()} onError={notify} />}
      {dialog === 'export' && <ExportDialog tags={tags} onClose={() => setDialog(null)} onError={notify} />}
      {dialog === 'conflicts' && (
        <ConflictsDialog
          onResolved={() => void refresh()}
          onOpenLetter={(id) => {
            setDialog(null);
            void openLetter(id).catch(fail);
          }}
          onClose={() => setDialog(null)}
          onError={notify}
        />
      )}
      {dialog === 'history' && letter && (
        <HistoryDialog letterId={letter.id} onClose={() => setDialog(null)} />
      )}
      {dialog === 'flag' && letter && (
        <TextPrompt
          title="Flag this letter"
          label="Why does it need attention?"
          submitLabel="Flag"
          onClose={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void actions.flag(letter, reason).catch(fail);
          }}
        />
      )}
      {dialog === 'note' && letter && (
        <TextPrompt
          title="Add a note"
          label="Note on this letter"
          submitLabel="Add note"
          multiline
          onClose={() => setDialog(null)}
          onSubmit={(body) => {
            setDialog(null);
            void actions.addNote(letter, body).catch(fail);
          }}
        />
      )}
      {dialog === 'tagPicker' && letter && (
        <TagPicker
          tags={tags}
          scope={focused?.kind === 'item' ? 'item' : 'letter'}
          subject={focused?.kind === 'item' ? `item ${letter.items.findIndex((i) => i.id === focused.itemId) + 1}` : 'the letter'}
          current={focused?.kind === 'item' ? (letter.items.find((i) => i.id === focused.itemId)?.tags ?? []) : letter.tags}
          onToggle={(tag) => void actions.toggleTag(letter, tag, focused).catch(fail)}
          onClose={() => setDialog(null)}
        />
      )}
      {needsReviewer && (
        <TextPrompt
          title="Who is reviewing?"
          label="Your name is stamped on every edit and verification."
          submitLabel="Start reviewing"
          required
          onClose={() => undefined}
          onSubmit={(name) => void api.setReviewer(name).then(() => api.getAppInfo()).then(setInfo, fail)}
        />
      )}
    </div>
  );
}
