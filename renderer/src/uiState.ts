/**
 * What the window showed, kept across restarts: the collection and document that were open,
 * the tree's grouping and its collapsed groups. localStorage (per origin: the app:// page in
 * Electron, the loopback origin in a browser); a missing or unreadable entry means defaults.
 */
export interface UiState {
  collectionId?: string | null;
  documentId?: string | null;
  groupBy?: 'category' | 'city';
  /** Collapsed tree groups by key ("category:民政综合", "city:济宁市", …). */
  collapsed?: Record<string, boolean>;
}

const KEY = 'huibian.ui';

export function loadUiState(): UiState {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : {};
    return parsed && typeof parsed === 'object' ? (parsed as UiState) : {};
  } catch {
    return {};
  }
}

export function saveUiState(patch: UiState): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...loadUiState(), ...patch }));
  } catch {
    /* private mode or full storage: the window simply opens with defaults next time */
  }
}
