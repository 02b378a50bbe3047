import '@mantine/core/styles.css';
import './styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { SessionProvider } from './auth.js';
import { chooseLanguage } from './i18n/language.js';
import { registerServiceWorker } from './offline.js';

// Darker primary shade so text on buttons and links passes WCAG AA contrast.
const theme = createTheme({ primaryColor: "blue", primaryShade: 8 });

// The catalogue (English, or Finnish loaded as its own chunk) is set before anything renders.
void chooseLanguage().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* CSS variables and global classes come from the stylesheet: the API's CSP forbids inline <style>. */}
      <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false} forceColorScheme="light">
        <SessionProvider>
          <App />
        </SessionProvider>
      </MantineProvider>
    </StrictMode>,
  );
});

registerServiceWorker();
