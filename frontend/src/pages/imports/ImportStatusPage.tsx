import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ImportProblem, ImportRecord } from '../../api/types.ts';
import type { Load, Loaded } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ButtonGroup, SubmitButton } from '../../components/Buttons.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SummaryList } from '../../components/SummaryList.tsx';
import { Table } from '../../components/Table.tsx';
import { Panel } from '../../components/Text.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { formatDateTime } from '../../format/dates.ts';
import type { FieldError } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { ExpectedDateUpdates, updatedText } from './ExpectedDateUpdates.tsx';
import { problemPlace, problemText, sheetRow } from './release-columns.ts';

/** How often a running import is read again. */
const POLL_MS = 1000;
/** Problems the error summary lists one by one; the table below it lists them all. */
const SUMMARY_PROBLEMS = 10;

const count = (value: number) => value.toLocaleString('en-GB');
const people = (value: number) => `${count(value)} ${value === 1 ? 'person' : 'people'}`;
const problemsIn = (value: number) => (value === 1 ? '1 problem' : `${count(value)} problems`);
const rowsIn = (value: number) => `${count(value)} ${value === 1 ? 'row' : 'rows'}`;

type ImportLoad = Load<ImportRecord> & {
  /** Shows this answer at once (the apply's) and reads the import again until it has finished. */
  replace(record: ImportRecord): void;
};

/** Reads the import, and again every second while it is queued or running. */
function useImport(importId: string): ImportLoad {
  const { api } = useSession();
  const [state, setState] = useState<Loaded<ImportRecord>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt restarts the polling after a failure or an apply
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const record = await api.getImport(importId);
        if (stopped) return;
        setState({ state: 'ok', data: record });
        if (record.status === 'queued' || record.status === 'running') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (!stopped) setState({ state: 'error', error });
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, importId, attempt]);
  return {
    ...state,
    reload: () => setAttempt((value) => value + 1),
    replace: (record) => {
      setState({ state: 'ok', data: record });
      setAttempt((value) => value + 1);
    },
  };
}

/** The page's title for the import as it is now. */
function titleOf(record: ImportRecord | undefined): string {
  switch (record?.status) {
    case 'checked':
      return record.errorCount > 0 ? 'The release list has problems' : 'Check the release list';
    case 'completed':
      return 'Release list imported';
    case 'failed':
      return 'The release list was not imported';
    default:
      return 'Importing the release list';
  }
}

/**
 * `/imports/:importId`: a release list as checked (what it would add, whom its rows match, every
 * problem), with "Apply the release list" when it has none; then its progress while it is applied,
 * and what it added.
 */
export function ImportStatusPage() {
  const { importId = '' } = useParams();
  const loaded = useImport(importId);
  const record = loaded.data;
  const title = titleOf(record);
  usePageTitle(title, (record?.status === 'checked' || record?.status === 'failed') && record.errorCount > 0);
  return (
    <LoadFrame loaded={loaded} heading={title}>
      {(record) => {
        if (record.status === 'checked')
          return <Checked record={record} title={title} onApplied={loaded.replace} />;
        if (record.status === 'completed') return <Completed record={record} />;
        if (record.status === 'failed') return <Failed record={record} />;
        return (
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <PageHeading>{title}</PageHeading>
              <p className="govuk-body">
                Every row has been checked and the people on the list are being added. This page shows when it
                has finished; you can leave it and the import carries on.
              </p>
              <Progress record={record} />
            </div>
          </div>
        );
      }}
    </LoadFrame>
  );
}

function Progress({ record }: { record: ImportRecord }) {
  const text = `Processed ${count(record.processed)} of ${count(record.total)} rows`;
  return (
    <div className="govuk-form-group">
      <progress
        className="continuity-progress"
        aria-labelledby="import-progress-text"
        aria-valuetext={text}
        max={Math.max(record.total, 1)}
        value={record.processed}
      />
      <p className="govuk-body" id="import-progress-text" aria-live="polite">
        {record.status === 'queued' && record.processed === 0 ? `Waiting to start. ${text}` : text}
      </p>
    </div>
  );
}

/** What the rows numbers on these pages mean, said once on each page that shows them. */
function RowNumbersHint() {
  return (
    <p className="govuk-body">
      Row numbers are the rows of your spreadsheet: the header is row 1, so the first person is on row 2.
    </p>
  );
}

/** A checked release list: what applying it would do, its problems, and the apply button when it has none. */
function Checked({
  record,
  title,
  onApplied,
}: {
  record: ImportRecord;
  title: string;
  onApplied: (record: ImportRecord) => void;
}) {
  const { api } = useSession();
  const form = useForm({});
  usePageTitle(title, record.errorCount > 0 || form.errors.length > 0);
  const problems = record.errorCount > 0;
  const onApply = form.handleSubmit(async (): Promise<FieldError[] | undefined> => {
    try {
      onApplied(await api.applyImport(record.id));
      return undefined;
    } catch (error) {
      return submitErrors(error, { fields: [] });
    }
  });
  const summary: FieldError[] = problems ? summaryOf(record) : form.errors;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} focusKey={form.failures} />
          <PageHeading>{title}</PageHeading>
          {problems ? (
            <p className="govuk-body">
              Nothing has been added. Fix each problem in the file, then upload it again.
            </p>
          ) : (
            <p className="govuk-body">
              Every row has been checked and nothing has been added yet. Check whom the list matches, then
              apply it to add the people and their referrals.
            </p>
          )}
          <SummaryList
            rows={[
              { key: 'Rows in the file', value: count(record.total) },
              {
                key: 'New people',
                value: `${people(record.new ?? 0)} ${problems ? 'would be added' : 'to add'}`,
              },
              {
                key: 'Matched',
                value: `${rowsIn(record.matched)} ${record.matched === 1 ? 'matches a person' : 'match people'} already in Continuity`,
              },
              ...(record.updated
                ? [{ key: 'Expected release dates', value: updatedText(record, false) }]
                : []),
              ...(problems ? [{ key: 'Problems', value: problemsIn(record.errorCount) }] : []),
            ]}
          />
          <RowNumbersHint />
        </div>
      </div>
      {problems && <Problems record={record} caption="Problems in the file" />}
      <Matches record={record} />
      <ExpectedDateUpdates record={record} />
      {problems ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/imports/releases">
            Upload a corrected file
          </Link>
        </p>
      ) : (
        <form noValidate onSubmit={onApply}>
          {record.checkedUntil && (
            <p className="govuk-body">
              You can apply this list until {formatDateTime(record.checkedUntil)}. After that its rows are
              deleted, and you would upload it again.
            </p>
          )}
          <ButtonGroup>
            <SubmitButton busy={form.busy}>Apply the release list</SubmitButton>
            <Link className="govuk-link" to="/imports/releases">
              Upload a different file
            </Link>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}

/** The error summary of a file's problems: the first few, each linking to its row of the table. */
function summaryOf(record: ImportRecord): FieldError[] {
  const listed = record.errors.slice(0, SUMMARY_PROBLEMS).map((problem, index) => ({
    message: `${problemPlace(problem)}: ${problemText(problem)}`,
    href: `#problem-${index}`,
  }));
  const rest = record.errorCount - listed.length;
  return rest > 0
    ? [...listed, { message: `See all ${problemsIn(record.errorCount)} in the file`, href: '#problems' }]
    : listed;
}

/** Every problem kept, in row order, with its spreadsheet row and column. */
function Problems({ record, caption }: { record: ImportRecord; caption: string }) {
  const sorted = record.errors
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => a.problem.row - b.problem.row || a.index - b.index);
  return (
    <div id="problems" tabIndex={-1}>
      {record.errors.length < record.errorCount && (
        <p className="govuk-body">
          The first {count(record.errors.length)} of the {problemsIn(record.errorCount)} are listed.
        </p>
      )}
      <Table
        caption={caption}
        showCaption
        head={[
          <span className="continuity-nowrap" key="row">
            Row
          </span>,
          <span className="continuity-nowrap" key="column">
            Column
          </span>,
          'Problem',
        ]}
        rows={sorted.map(({ problem, index }) => ({
          key: `${problem.row}-${problem.field}-${index}`,
          cells: [
            <span className="continuity-nowrap" key="row" id={`problem-${index}`} tabIndex={-1}>
              {placeCell(problem)}
            </span>,
            <code className="continuity-nowrap" key="column">
              {problem.field}
            </code>,
            problemText(problem),
          ],
        }))}
      />
    </div>
  );
}

/** A problem's row in the table's Row column: its spreadsheet row number, or what it is about. */
const placeCell = (problem: ImportProblem) =>
  problem.row > 0 ? count(sheetRow(problem.row)) : problemPlace(problem).replace(/^Row /, '');

/** The rows that match people already in Continuity, each linking to the person. */
function Matches({ record }: { record: ImportRecord }) {
  const matches = record.matches ?? [];
  if (matches.length === 0) return null;
  return (
    <>
      {matches.length < record.matched && (
        <p className="govuk-body">
          The first {count(matches.length)} of the {rowsIn(record.matched)} that match are listed.
        </p>
      )}
      <Table
        caption="Rows that match people already in Continuity"
        showCaption
        head={['Row', 'Person']}
        rows={matches.map((match) => ({
          key: `${match.row}`,
          cells: [
            count(sheetRow(match.row)),
            <Link className="govuk-link" key="person" to={`/people/${encodeURIComponent(match.personId)}`}>
              {match.name}
            </Link>,
          ],
        }))}
      />
    </>
  );
}

function Completed({ record }: { record: ImportRecord }) {
  const heading = useRef<HTMLDivElement>(null);
  // The panel replaces the progress bar while the user waits: move them to it.
  useEffect(() => {
    heading.current?.querySelector<HTMLElement>('.govuk-panel__title')?.focus();
  }, []);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds" ref={heading}>
          <Panel title="Release list imported">
            {people(record.created)} added
            <br />
            {people(record.matched)} matched to records already in Continuity
            {updatedText(record, true) && (
              <>
                <br />
                {updatedText(record, true)}
              </>
            )}
          </Panel>
          {record.errorCount > 0 ? (
            <>
              <p className="govuk-body">
                {rowsIn(record.errorCount)} could not be added. Each row was checked again as the list was
                applied, and these no longer fit: a person they match has changed or moved, or the area is no
                longer yours. Check each one below and add it yourself if it is right.
              </p>
              <RowNumbersHint />
            </>
          ) : (
            <p className="govuk-body">
              Each person on the list now has a continuity of care referral awaiting their release, in the
              caseload of their area.
            </p>
          )}
        </div>
      </div>
      {record.errorCount > 0 && <Problems record={record} caption="Rows not added" />}
      <ExpectedDateUpdates record={record} />
      <p className="govuk-body">
        <Link className="govuk-link" to="/caseload">
          Go to the caseload
        </Link>
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/imports/releases">
          Import another list
        </Link>
      </p>
    </>
  );
}

function Failed({ record }: { record: ImportRecord }) {
  const problems = record.errorCount > 0;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary
            errors={
              problems
                ? [
                    {
                      message: `The file has ${problemsIn(record.errorCount)}; nothing was added`,
                      href: '#problems',
                    },
                  ]
                : [{ message: record.failure ?? 'The list could not be imported. Upload it again.' }]
            }
          />
          <PageHeading>The release list was not imported</PageHeading>
          {problems && (
            <>
              <p className="govuk-body">Fix each problem in the file, then upload it again.</p>
              <RowNumbersHint />
            </>
          )}
        </div>
      </div>
      {problems && <Problems record={record} caption="Problems in the file" />}
      <p className="govuk-body">
        <Link className="govuk-link" to="/imports/releases">
          Upload a corrected file
        </Link>
      </p>
    </>
  );
}
