import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity as SesIdentity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  /** A domain (example.org) or a single address (team@example.org) to verify in SES. */
  mailFromDomain: string;
}

/**
 * The SES identity the service sends alerts and invitations from. A domain identity
 * publishes DKIM records to add to DNS; an address identity is verified by a link SES mails.
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const { mailFromDomain } = props;
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: mailFromDomain.includes('@')
        ? SesIdentity.email(mailFromDomain)
        : SesIdentity.domain(mailFromDomain),
    });
  }

  /** Lets a function send mail from this identity and nothing else. */
  grantSend(grantee: IGrantable): void {
    this.identity.grant(grantee, 'ses:SendEmail');
  }
}
