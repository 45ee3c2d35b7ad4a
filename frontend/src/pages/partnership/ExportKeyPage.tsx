import { useNavigate } from 'react-router-dom';
import type { Partnership } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { useSession } from '../../auth/session-context.ts';
import { QuestionForm, QuestionPage } from '../../components/QuestionPage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FlashState } from '../../components/use-flash.ts';
import { usePageTitle } from '../../components/use-page-title.ts';
import { submitErrors } from '../../forms/submit-errors.ts';
import { useForm } from '../../forms/use-form.ts';
import { LoadFrame } from '../LoadFrame.tsx';
import { EXPORT_KEY_FORM, exportKeyBody } from './export-key-form.ts';

/** The page's title: setting the first key, or changing the one there is. */
const titleFor = (partnership: Partnership | undefined) =>
  partnership?.exportKey ? 'Change export key' : 'Set export key';

/** `/partnership/export-key`: the chair sets the age public key the operator's exports are encrypted to. */
export function ExportKeyPage() {
  const { api } = useSession();
  const loaded = useLoad(() => api.getPartnership(), [api]);
  const title = titleFor(loaded.data);
  usePageTitle(title);
  return (
    <LoadFrame loaded={loaded} heading={title}>
      {(partnership) => <ExportKeyForm partnership={partnership} />}
    </LoadFrame>
  );
}

function ExportKeyForm({ partnership }: { partnership: Partnership }) {
  const { api } = useSession();
  const navigate = useNavigate();
  const form = useForm({ publicKey: '' });
  const title = titleFor(partnership);

  const onSubmit = form.handleSubmit(async () => {
    const checked = exportKeyBody(form.values.publicKey);
    if (checked.errors) return checked.errors;
    try {
      await api.setExportKey(checked.body);
    } catch (error) {
      return submitErrors(error, EXPORT_KEY_FORM);
    }
    navigate('/partnership', { state: { flash: 'Export key saved' } satisfies FlashState });
    return undefined;
  });

  return (
    <QuestionPage title={title} form={form}>
      <p className="govuk-body">
        When the partnership asks for its data, or leaves the service, the service’s operator exports
        everything it holds. The export is encrypted to this key, so only whoever holds the matching private
        key can read it: the operator cannot.
      </p>
      {partnership.exportKey && (
        <p className="govuk-body">
          The current key is <code className="continuity-nowrap">{partnership.exportKey.recipient}</code>.
          Exports made after you change it can only be read with the new key’s private key.
        </p>
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How to make a key</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">
            Install age (age-encryption.org) on a computer the partnership controls, then run{' '}
            <code>age-keygen -o partnership-export-key.txt</code>. It prints the public key, starting “age1”,
            to give here. Keep the file it writes safe and do not share it: it holds the private key that
            decrypts the exports.
          </p>
        </div>
      </details>
      <QuestionForm onSubmit={onSubmit} submitText="Save export key" busy={form.busy} cancelTo="/partnership">
        <TextInput
          {...form.bind('publicKey')}
          label="Public key"
          hint="An age public key (a recipient): 62 letters and digits starting “age1”, as age-keygen prints it. Give only the public key: the private key (starting AGE-SECRET-KEY) never leaves the partnership."
          autoComplete="off"
          spellCheck={false}
        />
      </QuestionForm>
    </QuestionPage>
  );
}
