import { AppFrame } from './frame/AppFrame';
import { ConnectionScreen } from './session/ConnectionScreen';
import { useSession } from './session/sessionStore';
import { useSessionBootstrap } from './session/useSessionBootstrap';
import { useAppliedTheme } from './theme/useAppliedTheme';
import { WelcomeScreen } from './welcome/WelcomeScreen';

/** Connecting, then the Welcome screen until a workspace is open, then the app frame. */
export function App() {
  useAppliedTheme();
  const retry = useSessionBootstrap();
  const connection = useSession((s) => s.connection);
  const workspace = useSession((s) => s.workspace);

  if (connection.state !== 'ready') return <ConnectionScreen connection={connection} onRetry={retry} />;
  if (!workspace) return <WelcomeScreen />;
  return <AppFrame workspace={workspace} />;
}
