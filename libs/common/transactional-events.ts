import { type EntityManager } from 'typeorm';

export type TransactionalListener<E> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * A domain's events, emitted INSIDE the changing transaction: listeners (notifications) write
 * their rows with the emitter's manager, so a rollback sends nothing and a commit loses nothing.
 * Lets a lower library announce a change that a library above it turns into messages, without
 * importing it. A failing listener fails the change, so nothing is lost silently.
 */
export class TransactionalEvents<E> {
  private readonly listeners = new Set<TransactionalListener<E>>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: TransactionalListener<E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emit(manager: EntityManager, event: E): Promise<void> {
    for (const listener of this.listeners) await listener(manager, event);
  }
}
