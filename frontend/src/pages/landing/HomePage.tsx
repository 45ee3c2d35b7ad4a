import { Link } from 'react-router-dom';
import type { MeInfo } from '../../api/types.ts';
import { ROLE_LABELS } from '../../auth/roles.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

interface HomeLink {
  to: string;
  title: string;
  description: string;
}

/** The pages each partnership role can go to, with what they are for. */
function homeLinks(me: MeInfo): HomeLink[] {
  const chair = me.role === 'chair';
  const caseStaff = me.role === 'caseworker' || me.role === 'manager';
  const caseLinks: HomeLink[] = caseStaff
    ? [
        {
          to: '/caseload',
          title: 'Caseload',
          description: 'See the cases in your areas, overdue actions first.',
        },
        {
          to: '/people/find',
          title: 'Find a person',
          description: 'Find someone by name or prison number, and see their referrals.',
        },
        {
          to: '/people/new',
          title: 'Add a person',
          description: 'Add someone who has been referred, then put them on a pathway.',
        },
      ]
    : [];
  const alertLinks: HomeLink[] = caseStaff
    ? [
        {
          to: '/alerts',
          title: 'Alerts',
          description: 'See the alerts raised on cases in your areas, acknowledge them and resolve them.',
        },
      ]
    : [];
  const reportLinks: HomeLink[] =
    me.role === 'caseworker'
      ? []
      : [
          {
            to: '/reports',
            title: 'Continuity of care dashboard',
            description:
              'See how many people released from prison start treatment within the window, against the target.',
          },
        ];
  const importLinks: HomeLink[] =
    me.role === 'manager'
      ? [
          {
            to: '/imports/releases',
            title: 'Import a release list',
            description: 'Add the people a prison expects to release to your areas from a CSV file.',
          },
          {
            to: '/failed-to-attend',
            title: 'Failed to attend',
            description:
              'See the drug testing on arrest cases closed because a required assessment was not attended, for the police.',
          },
        ]
      : [];
  const links: HomeLink[] = [
    ...caseLinks,
    ...alertLinks,
    ...reportLinks,
    ...importLinks,
    {
      to: '/partnership',
      title: 'Partnership settings',
      description: chair
        ? 'Change the engagement window, the target rate, small-number suppression, when alerts are raised and the programmes you run.'
        : 'See the engagement window, the target rate and when alerts are raised.',
    },
    {
      to: '/areas',
      title: 'Areas',
      description: chair
        ? 'Add the local authorities in your partnership and who gets their alert emails.'
        : 'See the local authorities in your partnership and who gets their alert emails.',
    },
  ];
  links.push({
    to: '/custody-suites',
    title: 'Custody suites',
    description: chair
      ? 'Add the police custody suites your partnership works in, from the public register.'
      : 'See the police custody suites your partnership works in.',
  });
  if (me.role === 'chair' || me.role === 'manager') {
    links.push({
      to: '/members',
      title: 'Members',
      description: chair
        ? 'Invite people, choose their role and areas, and remove access.'
        : 'See who is in your partnership, their role and their areas.',
    });
  }
  return links;
}

/** Splits the links into rows, so columns of different heights line up. */
function inRows<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < items.length; start += size) rows.push(items.slice(start, start + size));
  return rows;
}

/** `/` for a signed-in partnership member: links to what their role may do. */
export function HomePage({ me }: { me: MeInfo }) {
  usePageTitle('Home');
  return (
    <>
      <PageHeading>{me.name ? `Welcome, ${me.name}` : 'Welcome'}</PageHeading>
      <p className="govuk-body">
        You are signed in as {me.email ?? 'a member'} with the role of {ROLE_LABELS[me.role].toLowerCase()}.
      </p>
      {inRows(homeLinks(me), 3).map((row) => (
        <div className="govuk-grid-row" key={row[0]?.to}>
          {row.map((link) => (
            <div className="govuk-grid-column-one-third" key={link.to}>
              <h2 className="govuk-heading-m">
                <Link className="govuk-link govuk-link--no-visited-state" to={link.to}>
                  {link.title}
                </Link>
              </h2>
              <p className="govuk-body">{link.description}</p>
            </div>
          ))}
        </div>
      ))}
    </>
  );
}
