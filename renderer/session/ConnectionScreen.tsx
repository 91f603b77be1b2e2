import { FormAlert } from '../forms/FormAlert';
import { BrandMark } from '../ui/BrandMark';
import type { Connection } from './sessionStore';

/** Before the services have answered, or when they cannot be reached: say so, and offer a retry. */
export function ConnectionScreen({ connection, onRetry }: { connection: Exclude<Connection, { state: 'ready' }>; onRetry(): void }) {
  return (
    <main className="connection" aria-labelledby="connection-title" aria-busy={connection.state === 'connecting'}>
      <BrandMark />
      {connection.state === 'connecting' ? (
        <p id="connection-title" className="connection__text">
          Connecting to the Ogma Desk services…
        </p>
      ) : (
        <>
          <h1 id="connection-title" className="connection__title">
            Cannot reach the Ogma Desk services
          </h1>
          <FormAlert failure={connection.failure} title="The services did not answer" />
          <p className="connection__text">
            If you use the browser host, check that it is still running and reload this page from the address it printed.
          </p>
          <button type="button" className="button button--primary" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </main>
  );
}
