import type { ReactNode } from 'react';

export interface TableProps {
  caption: string;
  /** Show the caption to sighted users too (off when the page's h1 already says it). */
  showCaption?: boolean;
  head: readonly ReactNode[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  /** `aria-sort` of the sortable columns, by column index (the sortable table pattern). */
  sort?: Readonly<Record<number, 'none' | 'ascending' | 'descending'>>;
  /** Indexes of the columns that hold numbers: right-aligned, so digits line up. */
  numeric?: readonly number[];
}

/** A GOV.UK table; the first cell of each row is its header cell. */
export function Table({ caption, showCaption = false, head, rows, sort, numeric = [] }: TableProps) {
  const headerClass = (index: number) =>
    `govuk-table__header${numeric.includes(index) ? ' govuk-table__header--numeric' : ''}`;
  const cellClass = (index: number) =>
    `govuk-table__cell${numeric.includes(index) ? ' govuk-table__cell--numeric' : ''}`;
  return (
    <table className="govuk-table">
      <caption
        className={showCaption ? 'govuk-table__caption govuk-table__caption--m' : 'govuk-visually-hidden'}
      >
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((heading, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
            <th scope="col" className={headerClass(index)} key={index} aria-sort={sort?.[index]}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                <th scope="row" className={headerClass(index)} key={index}>
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                <td className={cellClass(index)} key={index}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
