import type { ReactNode } from 'react';
import type { Load } from '../api/use-load.ts';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { LoadFailed } from './errors/LoadFailed.tsx';

export interface LoadFrameProps<T> {
  /** What the page reads (from `useLoad`). */
  loaded: Load<T>;
  /** The heading over "Loading…", for a page whose content brings its own heading. */
  heading?: string;
  /** Shown under that heading while the data loads. */
  intro?: ReactNode;
  /**
   * The page's own parts, which stay on screen while the data loads: given "Loading…" or the
   * content, to place among them. Without it, the content is the whole page.
   */
  frame?: (body: ReactNode) => ReactNode;
  /** The content, once the data is there. */
  children: (data: T) => ReactNode;
}

/**
 * Every page's three states of reading its data: "Loading…" (under the page's heading, or
 * in its frame), the page for an answer that could not be read (with "Try again"), or the
 * content.
 */
export function LoadFrame<T>({ loaded, heading, intro, frame, children }: LoadFrameProps<T>) {
  if (loaded.state === 'error') return <LoadFailed error={loaded.error} onRetry={loaded.reload} />;
  const body =
    loaded.state === 'loading' ? (
      <>
        {heading && <PageHeading>{heading}</PageHeading>}
        {intro}
        <Loading />
      </>
    ) : (
      children(loaded.data)
    );
  return <>{frame ? frame(body) : body}</>;
}
