/**
 * Which revision a change should name. A change names the letter and revision the reviewer saw
 * when they asked for it. Keys pressed quickly queue up, each asked for on the revision before
 * the previous one was saved: when the only changes in between are this window's own, they
 * were made on what the reviewer saw, so the change names the latest revision. A revision that
 * came from anywhere else makes the change stale, and the server refuses it.
 */
export class LetterRevisions {
  /** Per letter: the revisions this window moved it through, newest last. */
  readonly #own = new Map<number, number[]>();

  /** A letter as loaded from the server: a revision this window did not make starts a new chain. */
  loaded(letterId: number, revision: number): void {
    const chain = this.#own.get(letterId);
    if (!chain || !chain.includes(revision)) this.#own.set(letterId, [revision]);
  }

  /** This window changed the letter from `from` to `to`. */
  changed(letterId: number, from: number, to: number): void {
    const chain = this.#own.get(letterId);
    if (chain && chain.at(-1) === from) chain.push(to);
    else this.#own.set(letterId, [from, to]);
  }

  /** The revision a change asked for on `seen` should name now. */
  current(letterId: number, seen: number): number {
    const chain = this.#own.get(letterId);
    return chain && chain.includes(seen) ? (chain.at(-1) as number) : seen;
  }
}
