import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api-context';
import { getApi } from './api';
import { App } from './App';
import { toFailure } from './errors/failure';
import { ConnectionScreen } from './session/ConnectionScreen';
import { useSession } from './session/sessionStore';
import { applyTheme } from './theme/useAppliedTheme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/welcome.css';
import './styles/frame.css';
import './styles/surfaces.css';
import './styles/integrations.css';
import './styles/review.css';
import './styles/evidence.css';

// Before the first render, so a stored dark preference never flashes light.
applyTheme(useSession.getState().themePreference);

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

const root = createRoot(container);
try {
  const api = getApi();
  root.render(
    <StrictMode>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
} catch (error) {
  // No transport at all (neither the preload nor the browser host): nothing to retry but a reload.
  root.render(<ConnectionScreen connection={{ state: 'failed', failure: toFailure(error) }} onRetry={() => window.location.reload()} />);
}
