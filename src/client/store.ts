/** A value that React reads with `useSyncExternalStore` and the runtime writes from socket events. */
import { Emitter, type Disposable } from '../protocol/disposable';

export class Store<T> {
  private readonly changed = new Emitter<T>();

  constructor(private value: T) {}

  get = (): T => this.value;

  set(next: T): void {
    if (Object.is(next, this.value)) return;
    this.value = next;
    this.changed.emit(next);
  }

  update(change: (value: T) => T): void {
    this.set(change(this.value));
  }

  /** In the shape `useSyncExternalStore` wants: returns an unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    const subscription: Disposable = this.changed.add(listener);
    return () => subscription.dispose();
  };
}

/** localStorage that never throws: private windows and full quotas must not break the page. */
export function readStored<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): T {
  // Nowhere to keep anything (server rendering, a unit test): nothing saved, and nothing to say.
  if (typeof window === 'undefined') return fallback;
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    if (isValid(value)) return value;
    console.warn(`[runner] ignoring unreadable saved ${key}`);
  } catch (error) {
    console.warn(`[runner] cannot read saved ${key}`, error);
  }
  return fallback;
}

export function writeStored(key: string, value: unknown): void {
  if (typeof window === 'undefined') return;
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch (error) {
    console.warn(`[runner] cannot save ${key} (storage full or disabled)`, error);
  }
}
