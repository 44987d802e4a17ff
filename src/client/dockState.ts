/** The dock's layout and tabs, remembered per browser so a reload finds the dock as it was left. */
import { readStored, Store, writeStored } from './store';

export type DockTab =
  /** `ended`: its shell exited; the tab keeps the last screen until closed or run in again. */
  | { kind: 'server'; name: string; ended?: boolean }
  /** A recorded output played into a local, read-only terminal: no server involved. */
  | { kind: 'replay'; name: string; title: string; text: string; serial: number };

export interface DockState {
  tabs: DockTab[];
  active: string | null;
  collapsed: boolean;
  /** Height of the terminal area, in CSS pixels. */
  height: number;
  fontSize: number;
}

export const DOCK_STORAGE_KEY = 'rw:dock';
/** The dock's bar, and its bar plus the resize handle, in CSS pixels (styles.module.css draws them). */
const DOCK_BAR_HEIGHT = 40;
const DOCK_CHROME_HEIGHT = 44;
export const FONT_SIZES = { min: 9, max: 28, default: 14 } as const;
const INITIAL: DockState = {
  tabs: [],
  active: null,
  collapsed: false,
  height: 280,
  fontSize: FONT_SIZES.default,
};

interface SavedDock {
  serverTabs: string[];
  active: string | null;
  collapsed: boolean;
  height: number;
  fontSize: number;
}

export class DockStore extends Store<DockState> {
  /** Server tabs open when the page was left; reopened once the server confirms they still exist. */
  readonly savedServerTabs: readonly string[];

  constructor() {
    const saved = readStored<SavedDock | null>(DOCK_STORAGE_KEY, null, isSavedDock);
    super(
      saved
        ? {
            ...INITIAL,
            active: saved.active,
            collapsed: saved.collapsed,
            height: saved.height,
            fontSize: saved.fontSize,
          }
        : INITIAL,
    );
    this.savedServerTabs = saved?.serverTabs ?? [];
  }

  /**
   * Opens (or reveals) a tab. Opening a live server tab that is already open and shown changes
   * nothing: every Run opens its terminal, and a new state would re-render the dock and re-fit the
   * terminal (a forced layout of the page) between the click and its output.
   */
  open(tab: DockTab, options: { reveal: boolean } = { reveal: true }): void {
    this.change((state) => {
      const existing = state.tabs.find((open) => open.name === tab.name);
      const tabs =
        existing === undefined
          ? [...state.tabs, tab]
          : isSameLiveTab(existing, tab)
            ? state.tabs
            : state.tabs.map((open) => (open === existing ? tab : open));
      const active = options.reveal ? tab.name : (state.active ?? tab.name);
      const collapsed = options.reveal ? false : state.collapsed;
      if (tabs === state.tabs && active === state.active && collapsed === state.collapsed) return state;
      return { ...state, tabs, active, collapsed };
    });
  }

  closeTab(name: string): void {
    this.change((state) => {
      const tabs = state.tabs.filter((tab) => tab.name !== name);
      const active = state.active === name ? (tabs[tabs.length - 1]?.name ?? null) : state.active;
      return { ...state, tabs, active };
    });
  }

  markEnded(name: string): void {
    this.change((state) => ({
      ...state,
      tabs: state.tabs.map((tab) =>
        tab.name === name && tab.kind === 'server' ? { ...tab, ended: true } : tab,
      ),
    }));
  }

  activate(name: string): void {
    this.change((state) => ({ ...state, active: name, collapsed: false }));
  }

  setCollapsed(collapsed: boolean): void {
    this.change((state) => ({ ...state, collapsed }));
  }

  setHeight(height: number): void {
    this.change((state) => ({
      ...state,
      height: Math.round(Math.max(120, Math.min(height, window.innerHeight * 0.85))),
    }));
  }

  changeFontSize(delta: number): void {
    this.change((state) => ({
      ...state,
      fontSize: Math.max(FONT_SIZES.min, Math.min(FONT_SIZES.max, state.fontSize + delta)),
    }));
  }

  private change(next: (state: DockState) => DockState): void {
    const before = this.get();
    this.update(next);
    const state = this.get();
    if (state === before) return;
    const saved: SavedDock = {
      serverTabs: state.tabs.filter((tab) => tab.kind === 'server').map((tab) => tab.name),
      active: state.active,
      collapsed: state.collapsed,
      height: state.height,
      fontSize: state.fontSize,
    };
    writeStored(DOCK_STORAGE_KEY, saved);
  }
}

/** Whether the dock is on the page: once something is open, or a server was ever configured. */
export function isDockShown(state: DockState, hasEndpoint: boolean): boolean {
  return state.tabs.length > 0 || hasEndpoint;
}

/** The CSS pixels the dock covers at the bottom of the window (its bar alone when collapsed or empty). */
export function dockSpace(state: DockState, hasEndpoint: boolean): number {
  if (!isDockShown(state, hasEndpoint)) return 0;
  return state.collapsed || state.tabs.length === 0 ? DOCK_BAR_HEIGHT : state.height + DOCK_CHROME_HEIGHT;
}

/** A server tab still attached to its shell: opening it again is only showing it. */
function isSameLiveTab(open: DockTab, tab: DockTab): boolean {
  return open.kind === 'server' && tab.kind === 'server' && !open.ended && !tab.ended;
}

function isSavedDock(value: unknown): value is SavedDock {
  if (typeof value !== 'object' || value === null) return false;
  const saved = value as Partial<SavedDock>;
  return (
    Array.isArray(saved.serverTabs) &&
    saved.serverTabs.every((name) => typeof name === 'string') &&
    (saved.active === null || typeof saved.active === 'string') &&
    typeof saved.collapsed === 'boolean' &&
    typeof saved.height === 'number' &&
    typeof saved.fontSize === 'number'
  );
}
