/**
 * Canvas and uPlot drawings cannot use CSS variables, so they read the theme's colours from the stylesheet when they
 * draw, and draw again when the theme (the `data-theme` attribute on <html>, set by app/theme) changes.
 */
import { useSyncExternalStore } from 'react';

export interface ThemeColours {
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly panel: string;
  readonly accent: string;
}

/** A reader of the CSS variables (`--nl-…`) as they apply to `element`. */
export function cssVariables(element: Element): (name: string) => string {
  const style = getComputedStyle(element);
  return (name) => style.getPropertyValue(name).trim();
}

export function readThemeColours(element: Element): ThemeColours {
  const read = cssVariables(element);
  return { text: read('--nl-text'), muted: read('--nl-muted'), border: read('--nl-border'), panel: read('--nl-panel'), accent: read('--nl-accent') };
}

const subscribe = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
};
const currentTheme = () => document.documentElement.dataset['theme'] ?? '';

/** The resolved theme's name: a dependency for effects that draw with readThemeColours. */
export function useThemeName(): string {
  return useSyncExternalStore(subscribe, currentTheme);
}
