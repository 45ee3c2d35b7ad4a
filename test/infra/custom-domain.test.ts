import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { logicalIdOf, synthContinuity } from './synth-continuity.ts';

const domainName = 'continuity.example.gov.uk';
const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-1111-2222-3333-444455556666';

describe('with a custom domain', () => {
  let template: Template;
  let stack: ContinuityStack;

  beforeAll(() => {
    ({ template, stack } = synthContinuity({
      context: {
        domainName,
        certificateArn,
        stackName: 'ContinuityTest',
        authDomainPrefix: 'continuity-test',
      },
    }));
  });

  it('serves the domain with its certificate and TLS 1.2 or later only', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: [domainName],
        ViewerCertificate: {
          AcmCertificateArn: certificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      },
    });
  });

  it('uses the domain for sign-in callbacks and the functions APP_URL', () => {
    const client = template.findResources('AWS::Cognito::UserPoolClient')[
      logicalIdOf(stack, stack.identity.client)
    ]!;
    expect(client.Properties.CallbackURLs).toEqual([`https://${domainName}/auth/callback`]);
    expect(client.Properties.LogoutURLs).toEqual([`https://${domainName}/signed-out`]);
    const fn = stack.api.functions.values().next().value!;
    const props = template.findResources('AWS::Lambda::Function')[logicalIdOf(stack, fn.fn)]!.Properties;
    expect(props.Environment.Variables.APP_URL).toBe(`https://${domainName}`);
  });

  it('takes the stack name and hosted UI prefix from context', () => {
    expect(stack.stackName).toBe('ContinuityTest');
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'continuity-test' });
    template.hasResourceProperties('AWS::CloudFront::Function', {
      Name: 'ContinuityTest-eu-west-2-spa-rewrite',
    });
  });
});
