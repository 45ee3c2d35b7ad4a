import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/errors.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { myAreas } from '../../cases/my-areas.ts';
import { DownloadButton } from '../../components/DownloadButton.tsx';
import { FileUpload } from '../../components/FileUpload.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { Table } from '../../components/Table.tsx';
import { errorFor, type FieldError, type FormSpec } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { useIdempotencyKey } from '../../forms/use-idempotency-key.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { releaseColumns } from './release-columns.ts';

const TITLE = 'Import a release list';
/** The largest file the API takes (functions/api/handlers/imports.ts). */
const MAX_BYTES = 5 * 1024 * 1024;
const UPLOAD_FORM: FormSpec = { fields: [{ id: 'file', label: 'Release list' }] };

/** The problem with a chosen file that can be seen before sending it, if any. */
function fileProblem(file: File | undefined): string | undefined {
  if (!file) return 'Select a CSV file of expected releases';
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return 'The selected file must be a CSV';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_BYTES) return 'The selected file must be smaller than 5MB';
  return undefined;
}

/** What to say when the API refused the file. */
function uploadErrors(error: unknown): FieldError[] {
  if (error instanceof ApiError && error.code === 'too_large')
    return [{ field: 'file', message: 'The selected file must be smaller than 5MB' }];
  if (error instanceof ApiError && error.code === 'unsupported_media_type')
    return [{ field: 'file', message: 'The selected file must be a CSV' }];
  return submitErrors(error, UPLOAD_FORM);
}

/**
 * `/imports/releases`: a manager uploads a list of expected releases (CSV). The file is read in
 * the browser and sent as it is, to be checked only: the next page shows what it would add and
 * whom it matches, and adds nothing until the manager applies it.
 */
export function ImportReleasesPage() {
  const { api, me } = useSession();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const loaded = useLoad(() => api.allAreas(), [api]);
  const form = useForm<{ file: File | undefined }>({ file: undefined });
  const { values, field, errors } = form;
  const onSubmit = form.handleSubmit(async () => {
    const problem = fileProblem(values.file);
    if (problem || !values.file) return [{ field: 'file', message: problem ?? 'Select a file' }];
    let text: string;
    try {
      text = await values.file.text();
    } catch {
      return [{ field: 'file', message: 'The selected file could not be read. Choose it again' }];
    }
    try {
      const { importId } = await idempotency.send(text, (key) => api.checkReleases(text, key));
      navigate(`/imports/${encodeURIComponent(importId)}`);
      return undefined;
    } catch (error) {
      return uploadErrors(error);
    }
  });

  return (
    <LoadFrame
      loaded={loaded}
      frame={(columns) => (
        <QuestionPage title={TITLE} form={form}>
          <p className="govuk-body">
            Add the people a prison expects to release to your areas, from a spreadsheet saved as CSV. Each
            person gets a continuity of care referral awaiting their release. Someone of your areas whose
            prison number is already in Continuity is matched, not added twice, when their name and date of
            birth are the same as on the list.
          </p>
          <p className="govuk-body">
            Every row is checked first and nothing is added yet. You are shown how many new people the list
            adds, whom its rows match and every problem with its row and column. When there are no problems,
            you can apply the list.
          </p>
          <h2 className="govuk-heading-m">What to put in the file</h2>
          <p className="govuk-body">
            The first line names the columns, in any order (capitals, spaces and underscores do not matter).
            Then one line for each person.
          </p>
          {columns}
          <p className="govuk-body">
            The template has one example row, to show how to fill it in. Delete it before you upload the list:
            it is refused.
          </p>
          <DownloadButton download={() => api.releaseTemplate()} filename="release-list-template.csv">
            Download the template
          </DownloadButton>
          <h2 className="govuk-heading-m">Upload the list</h2>
          <QuestionForm
            onSubmit={onSubmit}
            submitText="Upload and check"
            busy={form.busy}
            cancelTo="/caseload"
          >
            <FileUpload
              id="file"
              label="Release list (CSV)"
              hint="A CSV file smaller than 5MB"
              accept=".csv,text/csv"
              onChange={field('file')}
              error={errorFor(errors, 'file')}
            />
          </QuestionForm>
        </QuestionPage>
      )}
    >
      {(areas) => (
        <Table
          caption="Columns of the release list"
          head={['Column', 'What to write']}
          rows={releaseColumns(myAreas(areas, me)).map((column) => ({
            key: column.name,
            cells: [
              <code className="continuity-nowrap" key="name">
                {column.name}
              </code>,
              column.what,
            ],
          }))}
        />
      )}
    </LoadFrame>
  );
}
