/**
 * Light, dark or system theme. The choice is a preference of this browser (localStorage), not part of the graph;
 * `system` follows the operating system's setting live. The resolved theme is set on <html data-theme>, which the
 * stylesheet's colour variables key on, and handed to React Flow as its colour mode.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];

const KEY = 'netloom.theme';
const QUERY = '(prefers-color-scheme: dark)';

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as ThemePreference) : 'system';
  } catch {
    // Storage can be blocked (privacy settings); the theme then simply is not remembered.
    return 'system';
  }
}

const subscribeSystem = (onChange: () => void) => {
  const query = matchMedia(QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const systemIsDark = () => matchMedia(QUERY).matches;

export function useTheme(): { preference: ThemePreference; resolved: 'light' | 'dark'; setPreference(p: ThemePreference): void } {
  const [preference, setState] = useState<ThemePreference>(readPreference);
  const dark = useSyncExternalStore(subscribeSystem, systemIsDark);
  const resolved = preference === 'system' ? (dark ? 'dark' : 'light') : preference;
  useEffect(() => {
    document.documentElement.dataset['theme'] = resolved;
  }, [resolved]);
  const setPreference = useCallback((p: ThemePreference) => {
    setState(p);
    try {
      localStorage.setItem(KEY, p);
    } catch {
      // As above: not remembered, still applied.
    }
  }, []);
  return { preference, resolved, setPreference };
}
