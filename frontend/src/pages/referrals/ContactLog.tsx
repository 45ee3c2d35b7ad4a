import type { CaseRecord, Contact, Page } from '../../api/types.ts';
import { labelFor } from '../../cases/labels.ts';
import {
  CONTACT_METHOD_LABELS,
  CONTACT_OUTCOME_LABELS,
  CONTACT_STAGE_COLOURS,
  CONTACT_STAGE_LABELS,
} from '../../cases/release-labels.ts';
import { ButtonLink } from '../../components/Buttons.tsx';
import { Table } from '../../components/Table.tsx';
import { Tag } from '../../components/Tag.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { casePath } from './CaseActionPage.tsx';

/** The address of the form that adds a contact to a case. */
export const newContactPath = (referralId: string): string => `${casePath(referralId)}/contacts/new`;

/** A case's contacts with the person, newest first, each marked before or after release. */
export function ContactLog({ record, contacts }: { record: CaseRecord; contacts: Page<Contact> }) {
  return (
    <>
      <h2 className="govuk-heading-m">Contacts</h2>
      {contacts.items.length === 0 ? (
        <p className="govuk-body">No contacts have been recorded.</p>
      ) : (
        <Table
          caption="Contacts, newest first"
          head={['When', 'Stage', 'Contact', 'Note']}
          rows={contacts.items.map((contact) => ({
            key: contact.id,
            cells: [
              <span key="when">
                {formatDateTime(contact.at)}
                <span className="govuk-body-s continuity-alert-history">by {contact.recordedBy.name}</span>
              </span>,
              <span className="continuity-nowrap" key="stage">
                <Tag colour={CONTACT_STAGE_COLOURS[contact.stage]}>
                  {labelFor(CONTACT_STAGE_LABELS, contact.stage)}
                </Tag>
              </span>,
              <span className="continuity-words" key="contact">
                {labelFor(CONTACT_METHOD_LABELS, contact.method)}:{' '}
                {labelFor(CONTACT_OUTCOME_LABELS, contact.outcome).toLowerCase()}
              </span>,
              <span className="continuity-words continuity-pre-line" key="note">
                {contact.note ?? ''}
              </span>,
            ],
          }))}
        />
      )}
      {contacts.nextCursor && (
        <p className="govuk-body">The {contacts.items.length} most recent contacts are shown.</p>
      )}
      {record.status !== 'closed' && (
        <ButtonLink to={newContactPath(record.id)} secondary>
          Add a contact
        </ButtonLink>
      )}
    </>
  );
}
