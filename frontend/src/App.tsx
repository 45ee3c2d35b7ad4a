import { Route, Routes } from 'react-router-dom';
import { PAGE_ROLES } from './auth/roles.ts';
import { Layout } from './components/Layout.tsx';
import { NewPartnershipPage } from './pages/admin/NewPartnershipPage.tsx';
import { PartnershipsPage } from './pages/admin/PartnershipsPage.tsx';
import { AreaEditPage } from './pages/areas/AreaEditPage.tsx';
import { AreaNewPage } from './pages/areas/AreaNewPage.tsx';
import { AreasPage } from './pages/areas/AreasPage.tsx';
import { CallbackPage } from './pages/auth/CallbackPage.tsx';
import { RequireRole } from './pages/auth/RequireRole.tsx';
import { RequireSignIn } from './pages/auth/RequireSignIn.tsx';
import { SignedOutPage } from './pages/auth/SignedOutPage.tsx';
import { SignInPage } from './pages/auth/SignInPage.tsx';
import { SignOutPage } from './pages/auth/SignOutPage.tsx';
import { NotFoundPage } from './pages/errors/NotFoundPage.tsx';
import { RootPage } from './pages/home/RootPage.tsx';
import { MemberEditPage } from './pages/members/MemberEditPage.tsx';
import { MemberInvitePage } from './pages/members/MemberInvitePage.tsx';
import { MemberRemovePage } from './pages/members/MemberRemovePage.tsx';
import { MembersPage } from './pages/members/MembersPage.tsx';
import { PartnershipEditPage } from './pages/partnership/PartnershipEditPage.tsx';
import { PartnershipPage } from './pages/partnership/PartnershipPage.tsx';

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
          </Route>
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
