import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ImportRecord } from '../../api/types.ts';
import type { Load, Loaded } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Table } from '../../components/Table.tsx';
import { Panel } from '../../components/Text.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { problemText } from './release-columns.ts';

/** How often a running import is read again. */
const POLL_MS = 1000;

const count = (value: number) => value.toLocaleString('en-GB');
const people = (value: number) => `${count(value)} ${value === 1 ? 'person' : 'people'}`;

/** Reads the import, and again every second while it is queued or running. */
function useImport(importId: string): Load<ImportRecord> {
  const { api } = useSession();
  const [state, setState] = useState<Loaded<ImportRecord>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt restarts the polling after a failure
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
  return { ...state, reload: () => setAttempt((value) => value + 1) };
}

/**
 * `/imports/:importId`: a release list import's progress while it runs; then what it added, or
 * every problem that stopped it.
 */
export function ImportStatusPage() {
  const { importId = '' } = useParams();
  const loaded = useImport(importId);
  const status = loaded.data?.status;
  const title =
    status === 'completed'
      ? 'Release list imported'
      : status === 'failed'
        ? 'The release list was not imported'
        : 'Importing the release list';
  usePageTitle(title, status === 'failed');
  return (
    <LoadFrame loaded={loaded} heading={title}>
      {(record) => {
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

function Completed({ record }: { record: ImportRecord }) {
  const heading = useRef<HTMLDivElement>(null);
  // The panel replaces the progress bar while the user waits: move them to it.
  useEffect(() => {
    heading.current?.querySelector<HTMLElement>('.govuk-panel__title')?.focus();
  }, []);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds" ref={heading}>
        <Panel title="Release list imported">
          {people(record.created)} added
          <br />
          {people(record.matched)} matched to records already in Continuity
        </Panel>
        <p className="govuk-body">
          Each person on the list now has a continuity of care referral awaiting their release, in the
          caseload of their area.
        </p>
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
      </div>
    </div>
  );
}

function Failed({ record }: { record: ImportRecord }) {
  const problems = record.errorCount === 1 ? '1 problem' : `${count(record.errorCount)} problems`;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary
            errors={[{ message: `The file has ${problems}; nothing was added`, href: '#problems' }]}
          />
          <PageHeading>The release list was not imported</PageHeading>
          <p className="govuk-body">
            Fix each problem in the file, then upload it again. Rows are counted from 1 for the first line
            after the header.
          </p>
          {record.errors.length < record.errorCount && (
            <p className="govuk-body">
              The first {count(record.errors.length)} of the {problems} are listed.
            </p>
          )}
        </div>
      </div>
      <div id="problems" tabIndex={-1}>
        <Table
          caption="Problems in the file"
          showCaption
          numeric={[0]}
          head={[
            'Row',
            <span className="continuity-nowrap" key="column">
              Column
            </span>,
            'Problem',
          ]}
          rows={record.errors.map((problem, index) => ({
            key: `${problem.row}-${problem.field}-${index}`,
            cells: [
              <span className="continuity-nowrap" key="row">
                {problem.row > 0 ? count(problem.row) : problem.field === 'file' ? 'Whole file' : 'Header'}
              </span>,
              <code className="continuity-nowrap" key="column">
                {problem.field}
              </code>,
              problemText(problem),
            ],
          }))}
        />
      </div>
      <p className="govuk-body">
        <Link className="govuk-link" to="/imports/releases">
          Upload a corrected file
        </Link>
      </p>
    </>
  );
}
