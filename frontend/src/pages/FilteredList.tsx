import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Page } from '../api/types.ts';
import type { Load } from '../api/use-load.ts';
import { FilterForm, type FilterFormProps } from '../components/FilterForm.tsx';
import { NextPageLink } from '../components/NextPageLink.tsx';
import { LoadFrame } from './LoadFrame.tsx';

export interface FilteredListProps<Data, Row, Name extends string> {
  /** What the list reads (from `useLoad`): its page of rows, and whatever else its table needs. */
  loaded: Load<Data>;
  /** The page of rows within what was read. */
  pageOf: (data: Data) => Page<Row>;
  /** The page's own parts above the list (heading, intro, buttons), kept on screen while it loads. */
  above?: ReactNode;
  /** The list's filter form, between those parts and the rows. */
  filters?: FilterFormProps<Name>;
  /** Said over the rows once they are read, e.g. how many matched. */
  summary?: (page: Page<Row>) => ReactNode;
  /** Shown instead of the table when there are no rows; without it, the table shows regardless. */
  empty?: ReactNode;
  /** The list's filters in the address, which the next page's cursor was issued for. */
  keep?: URLSearchParams;
  /** The table of the rows. */
  children: (rows: readonly Row[], data: Data) => ReactNode;
}

/**
 * A cursor-paged list: its filters, "Loading…" or its rows (or what to say when there are
 * none), and the "Next page" link that keeps the filters.
 */
export function FilteredList<Data, Row, Name extends string = never>({
  loaded,
  pageOf,
  above,
  filters,
  summary,
  empty,
  keep,
  children,
}: FilteredListProps<Data, Row, Name>) {
  // The form starts again from the address whenever it changes (applied, paged, back or forward).
  const [params] = useSearchParams();
  return (
    <LoadFrame
      loaded={loaded}
      frame={(list) => (
        <>
          {above}
          {filters && <FilterForm key={params.toString()} {...filters} />}
          {list}
        </>
      )}
    >
      {(data) => {
        const page = pageOf(data);
        return (
          <>
            {summary?.(page)}
            {page.items.length === 0 && empty !== undefined ? empty : children(page.items, data)}
            <NextPageLink cursor={page.nextCursor} keep={keep} />
          </>
        );
      }}
    </LoadFrame>
  );
}
