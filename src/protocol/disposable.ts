/**
 * The xterm.js habit, on both ends: everything that subscribes hands back a Disposable, and an
 * owner keeps what it subscribed in one DisposableStore, disposed in one place. Common code (no
 * DOM, no Node): the page's connection and dock use it, and so does the terminal server's core.
 */
export interface Disposable {
  dispose(): void;
}

export function toDisposable(dispose: () => void): Disposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/** What one owner subscribed; `dispose` ends all of it, and whatever is added afterwards at once. */
export class DisposableStore implements Disposable {
  private readonly items = new Set<Disposable>();
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.add(item);
    return item;
  }

  /** Disposes what is held now and keeps accepting more (a link that is made anew). */
  clear(): void {
    const items = [...this.items];
    this.items.clear();
    for (const item of items) item.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clear();
  }
}

/** A listener set whose `add` returns a Disposable; `emit` tolerates listeners removing themselves. */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Disposable {
    this.listeners.add(listener);
    return toDisposable(() => this.listeners.delete(listener));
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  get size(): number {
    return this.listeners.size;
  }

  clear(): void {
    this.listeners.clear();
  }
}
