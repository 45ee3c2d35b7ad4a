import { useSearchParams } from 'react-router-dom';

/** A list's filters as typed into its form: '' where a filter is not set. */
export type FilterValues<Name extends string> = Record<Name, string>;

/** The address's query for the chosen filters, the empty ones left out. */
export function filterParams<Name extends string>(values: FilterValues<Name>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries<string>(values)) if (value) params.set(name, value);
  return params;
}

/**
 * A cursor-paged list's place in the address (`?filter=…&cursor=…`): the filters applied ('' where
 * none is set), those that are set (for the API's query), the page's cursor, and how to apply
 * other filters (from the first page).
 */
export function useListAddress<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(
    names.map((name) => [name, params.get(name) ?? '']),
  ) as FilterValues<Name>;
  const keep = filterParams(applied);
  return {
    applied,
    /** The filters that are set, as the API's query takes them. */
    query: Object.fromEntries(keep) as Partial<FilterValues<Name>>,
    /** The filters in the address's form, which a next page's cursor was issued for. */
    keep,
    cursor: params.get('cursor') ?? undefined,
    apply: (values: FilterValues<Name>) => setParams(filterParams(values)),
  };
}
