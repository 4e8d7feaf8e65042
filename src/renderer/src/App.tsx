/** The workstation: queue on the left, source text in the middle, extracted fields on the right. */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AppInfo, QueueFilter, QueueSort, ShellCommand } from '../../shared/api.ts';
import type { Span } from '../../shared/letter.ts';
import type { StoredLetter, Tag } from '../../shared/library.ts';
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
import type { FieldTarget } from './fields.ts';
import type { ShortcutAction } from './state/shortcuts.ts';
import { useKeyboard } from './state/useKeyboard.ts';
import { useQueuePages } from './state/useQueuePages.ts';
import { useReviewActions } from './state/useReviewActions.ts';
import { UndoStack } from './state/undo.ts';

const SHELL_COMMAND_ACTIONS: Record<Exclude<ShellCommand, 'libraryChanged'>, ShortcutAction> = {
  showImport: 'import',
  showExport: 'export',
  undo: 'undo',
  redo: 'redo',
  find: 'focusSearch',
  nextLetter: 'nextToReview',
  showShortcuts: 'help',
};

export type Dialog = 'help' | 'tags' | 'import' | 'export' | 'conflicts' | 'history' | 'flag' | 'note' | 'tagPicker' | null;

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
  /** The letter as last loaded, ahead of React's render, for actions queued behind a change. */
  const letterRef = useRef<StoredLetter | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const undo = useMemo(() => new UndoStack(), []);
  useSyncExternalStore(
    (listener) => undo.subscribe(listener),
    () => `${undo.canUndo}${undo.canRedo}`,
  );
  const queue = useQueuePages(filter, sort, queueVersion);

  const notify = useCallback((text: string) => setMessage(text), []);
  const fail = useCallback((error: unknown) => {
    if (error instanceof ApiCallError && error.code === 'read-only') {
      setMessage('This letter is verified and read-only: press r to reopen it before changing it.');
    } else setMessage(error instanceof Error ? error.message : String(error));
  }, []);

  const loadStats = useCallback(async () => {
    const s = await api.getStats();
    setStats({ letters: s.letters, verified: s.verified });
  }, []);
  const loadTags = useCallback(async () => setTags(await api.listTags()), []);

  useEffect(() => {
    void api.getAppInfo().then(setInfo, fail);
    void loadStats().catch(fail);
    void loadTags().catch(fail);
  }, [fail, loadStats, loadTags]);

  const openLetter = useCallback(
    async (letterId: number, keepFocus = false) => {
      const loaded = await api.getLetter(letterId);
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
    await loadStats();
    await loadTags();
  }, [openLetter, loadStats, loadTags]);

  const focus = useCallback((target: FieldTarget | null) => {
    setFocused(target);
    setEditing(null);
  }, []);

  const currentLetter = useCallback(() => letterRef.current, []);
  const actions = useReviewActions({ currentLetter, undo, refresh, focus, notify, openLetter });
  const structureHandlers = useMemo<ItemStructureHandlers>(
    () => ({
      onMove: (itemId, step) => void actions.moveItem(itemId, step).catch(fail),
      onSplit: (itemId) => void actions.splitItem(itemId, selection.current).catch(fail),
      onMergeWithNext: (itemId) => void actions.mergeWithNext(itemId).catch(fail),
      onDelete: (itemId) => void actions.deleteItem(itemId).catch(fail),
    }),
    [actions, fail],
  );
  const fieldHandlers = useMemo<FieldHandlers>(
    () => ({
      onFocus: focus,
      onStartEdit: (target) => {
        setFocused(target);
        setEditing(target);
      },
      onSave: (target, value) => {
        setEditing(null);
        void actions.saveField(target, value).catch(fail);
      },
      onCancelEdit: () => setEditing(null),
    }),
    [focus, actions, fail],
  );

  // Open the first letter of the queue once there is one.
  useEffect(() => {
    if (selectedId === null && queue.total > 0) {
      const first = queue.rowAt(0);
      if (first) void openLetter(first.id).catch(fail);
    }
  }, [queue, queue.total, selectedId, openLetter, fail]);

  const perform = useKeyboard({ letter, focused, editing, tags, queue, selectedId, filter, sort, dialog, undo, actions, selection, searchInput, setDialog, setEditing, focus, openLetter, refresh, notify, fail });

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
      <TopBar info={info} stats={stats} canUndo={undo.canUndo} canRedo={undo.canRedo} onDialog={setDialog} />
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
          {letter ? (
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
                onDecide={(itemId, decision) => void actions.decide(itemId, decision).catch(fail)}
                onVerify={() => void actions.verify().catch(fail)}
                onFlag={() => setDialog('flag')}
                onReopen={() => void actions.reopen().catch(fail)}
                onAddItem={() => void actions.addItem(letter.items.length - 1).catch(fail)}
                onUntagLetter={(tagId) => void actions.untag(tagId, null).catch(fail)}
                onUntagItem={(itemId, tagId) => void actions.untag(tagId, itemId).catch(fail)}
                onDeleteNote={(noteId) => void actions.deleteNote(noteId).catch(fail)}
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
        <HistoryDialog letterId={letter.id} itemIds={letter.items.map((item) => item.id)} onClose={() => setDialog(null)} />
      )}
      {dialog === 'flag' && (
        <TextPrompt
          title="Flag this letter"
          label="Why does it need attention?"
          submitLabel="Flag"
          onClose={() => setDialog(null)}
          onSubmit={(reason) => {
            setDialog(null);
            void actions.flag(reason).catch(fail);
          }}
        />
      )}
      {dialog === 'note' && (
        <TextPrompt
          title="Add a note"
          label="Note on this letter"
          submitLabel="Add note"
          multiline
          onClose={() => setDialog(null)}
          onSubmit={(body) => {
            setDialog(null);
            void actions.addNote(body).catch(fail);
          }}
        />
      )}
      {dialog === 'tagPicker' && letter && (
        <TagPicker
          tags={tags}
          scope={focused?.kind === 'item' ? 'item' : 'letter'}
          subject={focused?.kind === 'item' ? `item ${letter.items.findIndex((i) => i.id === focused.itemId) + 1}` : 'the letter'}
          current={focused?.kind === 'item' ? (letter.items.find((i) => i.id === focused.itemId)?.tags ?? []) : letter.tags}
          onToggle={(tag) => void actions.toggleTag(tag, focused).catch(fail)}
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
