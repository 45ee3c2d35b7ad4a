import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { PAGE_ROLES } from './auth/roles.ts';
import { Layout } from './components/Layout.tsx';
import { NewPartnershipPage } from './pages/admin/NewPartnershipPage.tsx';
import { PartnershipsPage } from './pages/admin/PartnershipsPage.tsx';
import { AlertActionPage } from './pages/alerts/AlertActionPage.tsx';
import { AlertsPage } from './pages/alerts/AlertsPage.tsx';
import { AreaEditPage } from './pages/areas/AreaEditPage.tsx';
import { AreaNewPage } from './pages/areas/AreaNewPage.tsx';
import { AreasPage } from './pages/areas/AreasPage.tsx';
import { CallbackPage } from './pages/auth/CallbackPage.tsx';
import { RequireRole } from './pages/auth/RequireRole.tsx';
import { RequireSignIn } from './pages/auth/RequireSignIn.tsx';
import { SignedOutPage } from './pages/auth/SignedOutPage.tsx';
import { SignInPage } from './pages/auth/SignInPage.tsx';
import { SignOutPage } from './pages/auth/SignOutPage.tsx';
import { CaseloadPage } from './pages/caseload/CaseloadPage.tsx';
import { CustodySuiteEditPage } from './pages/custody-suites/CustodySuiteEditPage.tsx';
import { CustodySuiteNewPage } from './pages/custody-suites/CustodySuiteNewPage.tsx';
import { CustodySuitesPage } from './pages/custody-suites/CustodySuitesPage.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { FailedToAttendPage } from './pages/failed-to-attend/FailedToAttendPage.tsx';
import { ImportReleasesPage } from './pages/imports/ImportReleasesPage.tsx';
import { ImportStatusPage } from './pages/imports/ImportStatusPage.tsx';
import { MenuPage } from './pages/landing/MenuPage.tsx';
import { RootPage } from './pages/landing/RootPage.tsx';
import { MemberEditPage } from './pages/members/MemberEditPage.tsx';
import { MemberInvitePage } from './pages/members/MemberInvitePage.tsx';
import { MemberRemovePage } from './pages/members/MemberRemovePage.tsx';
import { MembersPage } from './pages/members/MembersPage.tsx';
import { ExportKeyPage } from './pages/partnership/ExportKeyPage.tsx';
import { PartnershipEditPage } from './pages/partnership/PartnershipEditPage.tsx';
import { PartnershipPage } from './pages/partnership/PartnershipPage.tsx';
import { ProgrammesPage } from './pages/partnership/ProgrammesPage.tsx';
import { FindPersonPage } from './pages/people/FindPersonPage.tsx';
import { PersonAuditPage } from './pages/people/PersonAuditPage.tsx';
import { PersonEditPage } from './pages/people/PersonEditPage.tsx';
import { PersonNewPage } from './pages/people/PersonNewPage.tsx';
import { PersonPage } from './pages/people/PersonPage.tsx';
import { AppointmentEditPage } from './pages/referrals/AppointmentEditPage.tsx';
import { AppointmentNewPage } from './pages/referrals/AppointmentNewPage.tsx';
import { CasePage } from './pages/referrals/CasePage.tsx';
import { ClosePage } from './pages/referrals/ClosePage.tsx';
import { ContactNewPage } from './pages/referrals/ContactNewPage.tsx';
import { ChangeAreaPage } from './pages/referrals/change/ChangeAreaPage.tsx';
import { ChangeAssigneePage } from './pages/referrals/change/ChangeAssigneePage.tsx';
import { ChangeCustodySuitePage } from './pages/referrals/change/ChangeCustodySuitePage.tsx';
import { ChangeDatePage } from './pages/referrals/change/ChangeDatePage.tsx';
import { ChangeOrderPage } from './pages/referrals/change/ChangeOrderPage.tsx';
import { ChangeProgrammesPage } from './pages/referrals/change/ChangeProgrammesPage.tsx';
import { ChangeSourcePage } from './pages/referrals/change/ChangeSourcePage.tsx';
import { ChangeTestPage } from './pages/referrals/change/ChangeTestPage.tsx';
import {
  COMMUNITY_RESOLUTION,
  EXPECTED_RELEASE,
  RELEASE_DATE,
  TREATMENT_START,
} from './pages/referrals/change/date-facts.ts';
import { EngagementPage } from './pages/referrals/EngagementPage.tsx';
import { OffencePage } from './pages/referrals/OffencePage.tsx';
import { ReferralNewPage } from './pages/referrals/ReferralNewPage.tsx';
import { ReleasePage } from './pages/referrals/ReleasePage.tsx';
import { ReleasePlanPage } from './pages/referrals/ReleasePlanPage.tsx';
import { ReportsPage } from './pages/reports/ReportsPage.tsx';

/** A person-level page: caseworkers and managers only. */
function CasePages({ page }: { page: ReactNode }) {
  return <RequireRole roles={PAGE_ROLES.cases}>{page}</RequireRole>;
}

/** Pages for the roles in `roles` only. */
function For({ roles, page }: { roles: keyof typeof PAGE_ROLES; page: ReactNode }) {
  return <RequireRole roles={PAGE_ROLES[roles]}>{page}</RequireRole>;
}

/** Every page of the app and the roles that may open it. */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<RootPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="sign-out" element={<SignOutPage />} />
        <Route path="auth/callback" element={<CallbackPage />} />
        <Route path="signed-out" element={<SignedOutPage />} />
        <Route element={<RequireSignIn />}>
          <Route path="menu" element={<MenuPage />} />
          <Route path="partnership">
            <Route
              index
              element={
                <RequireRole roles={PAGE_ROLES.partnership}>
                  <PartnershipPage />
                </RequireRole>
              }
            />
            <Route
              path="edit"
              element={
                <RequireRole roles={PAGE_ROLES.partnershipEdit}>
                  <PartnershipEditPage />
                </RequireRole>
              }
            />
            <Route
              path="export-key"
              element={
                <RequireRole roles={PAGE_ROLES.partnershipEdit}>
                  <ExportKeyPage />
                </RequireRole>
              }
            />
            <Route path="programmes" element={<For roles="partnershipEdit" page={<ProgrammesPage />} />} />
          </Route>
          <Route path="custody-suites">
            <Route index element={<For roles="custodySuites" page={<CustodySuitesPage />} />} />
            <Route path="new" element={<For roles="custodySuitesEdit" page={<CustodySuiteNewPage />} />} />
            <Route
              path=":custodySuiteId/edit"
              element={<For roles="custodySuitesEdit" page={<CustodySuiteEditPage />} />}
            />
          </Route>
          <Route
            path="failed-to-attend"
            element={<For roles="failedToAttend" page={<FailedToAttendPage />} />}
          />
          <Route path="areas">
            <Route
              index
              element={
                <RequireRole roles={PAGE_ROLES.areas}>
                  <AreasPage />
                </RequireRole>
              }
            />
            <Route
              path="new"
              element={
                <RequireRole roles={PAGE_ROLES.areasEdit}>
                  <AreaNewPage />
                </RequireRole>
              }
            />
            <Route
              path=":areaId/edit"
              element={
                <RequireRole roles={PAGE_ROLES.areasEdit}>
                  <AreaEditPage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="members">
            <Route
              index
              element={
                <RequireRole roles={PAGE_ROLES.members}>
                  <MembersPage />
                </RequireRole>
              }
            />
            <Route
              path="invite"
              element={
                <RequireRole roles={PAGE_ROLES.membersEdit}>
                  <MemberInvitePage />
                </RequireRole>
              }
            />
            <Route
              path=":memberId/edit"
              element={
                <RequireRole roles={PAGE_ROLES.membersEdit}>
                  <MemberEditPage />
                </RequireRole>
              }
            />
            <Route
              path=":memberId/remove"
              element={
                <RequireRole roles={PAGE_ROLES.membersEdit}>
                  <MemberRemovePage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="caseload" element={<CasePages page={<CaseloadPage />} />} />
          <Route path="people">
            <Route path="find" element={<CasePages page={<FindPersonPage />} />} />
            <Route path="new" element={<CasePages page={<PersonNewPage />} />} />
            <Route path=":personId" element={<CasePages page={<PersonPage />} />} />
            <Route path=":personId/edit" element={<CasePages page={<PersonEditPage />} />} />
            <Route path=":personId/referrals/new" element={<CasePages page={<ReferralNewPage />} />} />
            <Route
              path=":personId/audit"
              element={
                <RequireRole roles={PAGE_ROLES.audit}>
                  <PersonAuditPage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="referrals/:referralId">
            <Route index element={<CasePages page={<CasePage />} />} />
            <Route path="release" element={<CasePages page={<ReleasePage />} />} />
            <Route path="appointments/new" element={<CasePages page={<AppointmentNewPage />} />} />
            <Route
              path="appointments/:appointmentId/edit"
              element={<CasePages page={<AppointmentEditPage />} />}
            />
            <Route path="engagement" element={<CasePages page={<EngagementPage />} />} />
            <Route path="offences" element={<CasePages page={<OffencePage />} />} />
            <Route path="close" element={<CasePages page={<ClosePage />} />} />
            <Route path="release-plan" element={<CasePages page={<ReleasePlanPage />} />} />
            <Route path="contacts/new" element={<CasePages page={<ContactNewPage />} />} />
            <Route path="change">
              <Route path="source" element={<CasePages page={<ChangeSourcePage />} />} />
              <Route path="assignee" element={<CasePages page={<ChangeAssigneePage />} />} />
              <Route path="area" element={<CasePages page={<ChangeAreaPage />} />} />
              <Route path="programmes" element={<CasePages page={<ChangeProgrammesPage />} />} />
              <Route
                path="expected-release"
                element={<CasePages page={<ChangeDatePage key="expected" fact={EXPECTED_RELEASE} />} />}
              />
              <Route
                path="release-date"
                element={<CasePages page={<ChangeDatePage key="released" fact={RELEASE_DATE} />} />}
              />
              <Route
                path="treatment-start"
                element={<CasePages page={<ChangeDatePage key="engaged" fact={TREATMENT_START} />} />}
              />
              <Route path="test" element={<CasePages page={<ChangeTestPage />} />} />
              <Route
                path="community-resolution"
                element={<CasePages page={<ChangeDatePage key="resolution" fact={COMMUNITY_RESOLUTION} />} />}
              />
              <Route path="custody-suite" element={<CasePages page={<ChangeCustodySuitePage />} />} />
              <Route path="order" element={<CasePages page={<ChangeOrderPage />} />} />
            </Route>
          </Route>
          <Route path="alerts">
            <Route index element={<For roles="alerts" page={<AlertsPage />} />} />
            <Route
              path=":alertId/acknowledge"
              element={
                <For roles="alerts" page={<AlertActionPage key="acknowledge" action="acknowledge" />} />
              }
            />
            <Route
              path=":alertId/resolve"
              element={<For roles="alerts" page={<AlertActionPage key="resolve" action="resolve" />} />}
            />
          </Route>
          <Route path="reports" element={<For roles="reports" page={<ReportsPage />} />} />
          <Route path="imports">
            <Route path="releases" element={<For roles="imports" page={<ImportReleasesPage />} />} />
            <Route path=":importId" element={<For roles="imports" page={<ImportStatusPage />} />} />
          </Route>
          <Route path="admin/partnerships">
            <Route
              index
              element={
                <RequireRole roles={PAGE_ROLES.admin}>
                  <PartnershipsPage />
                </RequireRole>
              }
            />
            <Route
              path="new"
              element={
                <RequireRole roles={PAGE_ROLES.admin}>
                  <NewPartnershipPage />
                </RequireRole>
              }
            />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
