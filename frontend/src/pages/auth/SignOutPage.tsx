import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session-context.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ProblemPage } from '../errors/ProblemPage.tsx';

/** `/sign-out`: signs out here and at the identity provider. */
export function SignOutPage() {
  usePageTitle('Signing you out');
  const { signOut } = useSession();
  const [failed, setFailed] = useState<unknown>();
  useEffect(() => {
    signOut().catch(setFailed);
  }, [signOut]);
  if (failed) return <ProblemPage error={failed} />;
  return <PageHeading>Signing you out</PageHeading>;
}
