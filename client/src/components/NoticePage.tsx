import { useId } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';

export interface NoticePageProps {
  title: string;
  children: ReactNode;
  /** Where the way out leads; none when there is nowhere useful to go. */
  back?: { to: string; label: string };
}

/** A page that only tells something: not found, not allowed, not signed in. */
export function NoticePage({ title, children, back }: NoticePageProps) {
  usePageTitle(title);
  const headingId = useId();
  return (
    <section className="notice-page" aria-labelledby={headingId}>
      <h1 id={headingId}>{title}</h1>
      {children}
      {back && (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
    </section>
  );
}
