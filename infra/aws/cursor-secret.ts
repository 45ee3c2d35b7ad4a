import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * The key that signs list cursors (CURSOR_SECRET_ARN), so a client cannot edit a cursor
 * to page into another tenant's keys. Generated at deploy time; never in the template.
 */
export class CursorSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key that signs API list cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key only signs list cursors: changing it just invalidates the cursors clients hold. A rotation ' +
        'Lambda would add moving parts for little gain; replace the secret by hand if it is ever exposed.',
    });
  }

  /** Lets a function read the key (secretsmanager:GetSecretValue on this secret only). */
  grantRead(grantee: IGrantable): void {
    Grant.addToPrincipal({
      grantee,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [this.secret.secretArn],
    });
  }
}
