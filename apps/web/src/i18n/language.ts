// Which language the app speaks: the person's own choice (kept in this browser), else the first
// of the browser's languages that the app has. Browser-only; i18n/index.ts holds the catalogue.
import { en } from './en.js';
import { type Language, setCatalogue } from './index.js';

const LANGUAGE_KEY = 'clustermeet.language';

function preferredLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (stored === 'en' || stored === 'fi') return stored;
  } catch {
    // storage unavailable (a private window may refuse it): follow the browser
  }
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of wanted) {
    const base = tag?.toLowerCase().split('-')[0];
    if (base === 'fi' || base === 'en') return base;
  }
  return 'en';
}

/** Picks the language and loads its catalogue; main.tsx awaits it before rendering. Falls back to English. */
export async function chooseLanguage(): Promise<void> {
  let chosen = preferredLanguage();
  if (chosen === 'fi') {
    try {
      setCatalogue('fi', (await import('./fi.js')).fi);
    } catch {
      chosen = 'en'; // the Finnish chunk could not be loaded (offline before it was ever cached)
      setCatalogue('en', en);
    }
  }
  document.documentElement.lang = chosen;
}

/** Keeps the person's choice in this browser and reloads the page in that language. */
export function switchLanguage(next: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    return; // without storage the choice could not outlast the reload
  }
  window.location.reload();
}
