import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session-context.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePageTitle } from '../../components/use-page-title.ts';
import { ProblemPage } from '../errors/ProblemPage.tsx';

/** `/sign-in`: sends the browser to the identity provider. */
export function SignInPage() {
  usePageTitle('Signing you in');
  const { signIn } = useSession();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo') ?? '/';
  const [failed, setFailed] = useState<unknown>();

  useEffect(() => {
    signIn(returnTo).catch(setFailed);
  }, [signIn, returnTo]);

  if (failed) return <ProblemPage error={failed} />;
  return <PageHeading>Signing you in</PageHeading>;
}
