import { ApiError } from '../lib/apiClient.ts';
import { LoadError } from './LoadError.tsx';
import { NoticePage } from './NoticePage.tsx';

/** In place of a workshop's pages when it could not be loaded: unknown, someone else's, or an error. */
export function WorkshopUnavailable({ error, message, onRetry }: { error: unknown; message: string; onRetry: () => void }) {
  if (error instanceof ApiError && error.status === 404) {
    return (
      <NoticePage title="Workshop not found" back={{ to: '/', label: 'Back to the start page' }}>
        <p>This workshop does not exist.</p>
      </NoticePage>
    );
  }
  if (error instanceof ApiError && error.status === 403) {
    return (
      <NoticePage title="This is another workshop" back={{ to: '/', label: 'Go to your workshop' }}>
        <p>You can only open the workshop you were invited to.</p>
      </NoticePage>
    );
  }
  return <LoadError what="the workshop" message={message} onRetry={onRetry} />;
}
