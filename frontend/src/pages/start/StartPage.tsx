import { StartButton } from '../../components/Buttons.tsx';
import { NotificationBanner } from '../../components/NotificationBanner.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';

/** `/` for someone not signed in: what the service is for, and "Sign in". */
export function StartPage({ sessionEnded }: { sessionEnded?: boolean }) {
  usePageTitle('Continuity');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {sessionEnded && <NotificationBanner heading="Your session has ended. Sign in to carry on." />}
        <PageHeading>Continuity</PageHeading>
        <p className="govuk-body-l">
          Use this service to make sure people released from prison with a drug or alcohol treatment need get
          to their first community treatment appointment.
        </p>
        <p className="govuk-body">
          Only about half of adults released from prison with a treatment need start community treatment
          within 3 weeks of release. The national ambition is 75%. The first days after release carry the
          highest risk.
        </p>
        <p className="govuk-body">
          Continuity gives every release a clock. It tells the right people the same day when:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>no first appointment is booked after release</li>
          <li>a first appointment is missed</li>
          <li>treatment has not started and the 3-week window is closing</li>
          <li>an expected release has not been confirmed</li>
        </ul>
        <p className="govuk-body">
          It also shows your partnership&rsquo;s continuity of care rate month by month, so you do not have to
          wait for the monthly national data.
        </p>
        <StartButton to="/sign-in">Sign in</StartButton>
        <h2 className="govuk-heading-m">Before you start</h2>
        <p className="govuk-body">
          Continuity is for Combating Drugs Partnerships in England: partnership chairs, treatment
          providers&rsquo; managers and caseworkers, and analysts.
        </p>
        <p className="govuk-body">
          You need an account. Your partnership&rsquo;s chair invites you and chooses your role and the areas
          you cover.
        </p>
      </div>
    </div>
  );
}
