import { useNavigate } from 'react-router-dom';
import { KNOWN_PROGRAMMES } from '../../../../shared/domain/values.ts';
import { Programmes } from '../../../../shared/schemas/programme.ts';
import type { Partnership } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { programmeName } from '../../cases/labels.ts';
import { Checkboxes } from '../../components/Checkboxes.tsx';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import type { FieldError, FormSpec } from '../../forms/field-errors.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';

const TITLE = 'Programmes';
const MAX_PROGRAMMES = 10;

const PROGRAMMES_FORM: FormSpec = {
  fields: [
    { id: 'settings-programmes', label: 'Programmes' },
    { id: 'newProgramme', label: 'Programme of your own' },
  ],
  describe: (path) =>
    path.startsWith('settings.programmes')
      ? `Programmes must be at most ${MAX_PROGRAMMES}, each named once`
      : undefined,
};

/** The code a programme's name is kept as: "Hope Project" → "hope_project". */
export function programmeCode(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** `/partnership/programmes`: the chair chooses the programmes the partnership runs, and adds its own. */
export function ProgrammesPage() {
  const { api } = useSession();
  const loaded = useLoad(() => api.getPartnership(), [api]);
  usePageTitle(TITLE);
  return (
    <LoadFrame loaded={loaded} heading={TITLE}>
      {(partnership) => <ProgrammesForm partnership={partnership} />}
    </LoadFrame>
  );
}

function ProgrammesForm({ partnership }: { partnership: Partnership }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const running = partnership.settings.programmes;
  // The service's own programmes, then the partnership's own codes.
  const offered = [
    ...KNOWN_PROGRAMMES,
    ...running.filter((code) => !(KNOWN_PROGRAMMES as readonly string[]).includes(code)),
  ];
  const form = useForm({ programmes: [...running], newProgramme: '' });
  const { values, bind } = form;

  const onSubmit = form.handleSubmit(async () => {
    const problems: FieldError[] = [];
    const typed = values.newProgramme.trim();
    const code = programmeCode(typed);
    const chosen = [...values.programmes];
    if (typed !== '') {
      if (!/^[a-z]/.test(code) || code.length < 2 || code.length > 40) {
        problems.push({
          field: 'newProgramme',
          message: 'Programme of your own must start with a letter and be 2 to 40 letters, numbers or spaces',
        });
      } else if (chosen.includes(code) || offered.includes(code)) {
        problems.push({
          field: 'newProgramme',
          message: `${programmeName(code)} is already in the list: tick it instead`,
        });
      } else chosen.push(code);
    }
    if (chosen.length > MAX_PROGRAMMES) {
      problems.push({
        field: 'settings-programmes',
        message: `Select at most ${MAX_PROGRAMMES} programmes`,
      });
    }
    const parsed = Programmes.safeParse(chosen);
    if (problems.length > 0 || !parsed.success) {
      return problems.length > 0
        ? problems
        : [{ field: 'settings-programmes', message: 'Programmes must each be named once' }];
    }
    try {
      await api.updatePartnership({ settings: { programmes: parsed.data } }, partnership.version);
    } catch (error) {
      return submitErrors(error, PROGRAMMES_FORM);
    }
    navigate('/partnership', { state: { flash: 'Programmes saved' } satisfies FlashState });
    return undefined;
  });

  return (
    <QuestionPage title={TITLE} form={form}>
      <p className="govuk-body">
        The schemes your partnership runs on top of its pathways. Caseworkers can tag a case with them, and
        the reports can be filtered by them.
      </p>
      <QuestionForm onSubmit={onSubmit} submitText="Save programmes" busy={form.busy} cancelTo="/partnership">
        <Checkboxes
          {...bind('programmes', 'settings-programmes')}
          legend="Which programmes does your partnership run?"
          hint="Select all that apply, or none"
          items={offered.map((code) => ({ value: code, label: programmeName(code) }))}
        />
        <TextInput
          {...bind('newProgramme')}
          label="Add a programme of your own (optional)"
          hint="Its name, for example Recovery Navigators"
          autoComplete="off"
        />
      </QuestionForm>
    </QuestionPage>
  );
}
