/**
 * Undo and redo across the session. Every change the reviewer makes is saved at once;
 * undoing it is another saved change (the inverse), so the edit history stays complete.
 */
export interface UndoableChange {
  /** What the change did, for the status line ("Undo: set decision"). */
  readonly label: string;
  /** The letter the change belongs to, so undo can show it. */
  readonly letterId: number;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export class UndoStack {
  #done: UndoableChange[] = [];
  #undone: UndoableChange[] = [];
  #listeners = new Set<() => void>();
  /** Undoing a delete re-creates the item under a new id; older changes still name the old one. */
  #itemAliases = new Map<number, number>();

  /** The id an item has now, following every re-creation since a change named it. */
  itemId(id: number): number {
    let current = id;
    for (let next = this.#itemAliases.get(current); next !== undefined; next = this.#itemAliases.get(current)) current = next;
    return current;
  }

  /** Records that the item once known as `oldId` now lives as `newId`. */
  itemRecreated(oldId: number, newId: number): void {
    if (oldId !== newId) this.#itemAliases.set(this.itemId(oldId), newId);
  }

  push(change: UndoableChange): void {
    this.#done.push(change);
    this.#undone = [];
    this.#notify();
  }

  async undo(): Promise<UndoableChange | null> {
    const change = this.#done.pop();
    if (!change) return null;
    try {
      await change.undo();
      this.#undone.push(change);
      return change;
    } catch (error) {
      this.#done.push(change);
      throw error;
    } finally {
      this.#notify();
    }
  }

  async redo(): Promise<UndoableChange | null> {
    const change = this.#undone.pop();
    if (!change) return null;
    try {
      await change.redo();
      this.#done.push(change);
      return change;
    } catch (error) {
      this.#undone.push(change);
      throw error;
    } finally {
      this.#notify();
    }
  }

  get canUndo(): boolean {
    return this.#done.length > 0;
  }

  get canRedo(): boolean {
    return this.#undone.length > 0;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
