import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { defaultMailFrom, readSettings } from '../../infra/aws/settings.ts';

const settingsOf = (context: Record<string, unknown>, env: Record<string, string> = {}) =>
  readSettings(new App({ context }), env);

describe('deployment settings', () => {
  it('defaults to the Continuity stack in London, mailing from example.org', () => {
    expect(settingsOf({})).toMatchObject({
      stackName: 'Continuity',
      region: 'eu-west-2',
      account: undefined,
      mailFromDomain: 'example.org',
      mailFrom: 'no-reply@example.org',
      authDomainPrefix: undefined,
      alarmEmail: undefined,
      hmppsTopicArn: undefined,
    });
  });

  it('reads the HMPPS topic ARN from context, and refuses anything that is not an SNS topic ARN', () => {
    const arn = 'arn:aws:sns:eu-west-2:111122223333:hmpps-domain-events';
    expect(settingsOf({ hmppsTopicArn: arn }).hmppsTopicArn).toBe(arn);
    expect(() => settingsOf({ hmppsTopicArn: 'hmpps-domain-events' })).toThrow(/hmppsTopicArn/);
    expect(() => settingsOf({ hmppsTopicArn: 'arn:aws:sqs:eu-west-2:111122223333:queue' })).toThrow(
      /hmppsTopicArn/,
    );
  });

  it("ignores the CDK CLI's us-east-1 fallback region but honours an explicit one", () => {
    expect(
      settingsOf({}, { CDK_DEFAULT_REGION: 'us-east-1', CDK_DEFAULT_ACCOUNT: '111122223333' }),
    ).toMatchObject({
      region: 'eu-west-2',
      account: '111122223333',
    });
    expect(settingsOf({}, { AWS_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(settingsOf({ region: 'eu-central-1' }, { AWS_REGION: 'eu-west-1' }).region).toBe('eu-central-1');
  });

  it('reads stack name, mail domain and hosted UI prefix from context', () => {
    expect(
      settingsOf({
        stackName: 'ContinuityTest',
        mailFromDomain: 'cdp.example.gov.uk',
        authDomainPrefix: 'cdp-test',
      }),
    ).toMatchObject({
      stackName: 'ContinuityTest',
      mailFrom: 'no-reply@cdp.example.gov.uk',
      authDomainPrefix: 'cdp-test',
    });
  });

  it('sends from a single verified address as itself', () => {
    expect(defaultMailFrom('alerts@cdp.example.gov.uk')).toBe('alerts@cdp.example.gov.uk');
  });

  it('wants a custom domain and its certificate together', () => {
    expect(() => settingsOf({ domainName: 'continuity.example.gov.uk' })).toThrow(/certificateArn/);
  });

  it('reads one alarm email address from context, and refuses anything else', () => {
    expect(settingsOf({ alarmEmail: 'ops@cdp.example.gov.uk' }).alarmEmail).toBe('ops@cdp.example.gov.uk');
    expect(() => settingsOf({ alarmEmail: 'ops@a.example, dev@b.example' })).toThrow(/alarmEmail/);
    expect(() => settingsOf({ alarmEmail: 'ops' })).toThrow(/alarmEmail/);
  });

  it('names the context key when a value has the wrong type', () => {
    expect(() => settingsOf({ stackName: 42 })).toThrow(/stackName/);
  });
});
