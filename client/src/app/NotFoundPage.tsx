import { NoticePage } from '../components/NoticePage.tsx';

/** Shown for unknown addresses and for workshops, teams or strategies that do not exist. */
export function NotFoundPage({ title = 'Page not found', message = 'There is nothing at this address.' }: { title?: string; message?: string }) {
  return (
    <NoticePage title={title} back={{ to: '/', label: 'Back to the start page' }}>
      <p>{message}</p>
    </NoticePage>
  );
}
