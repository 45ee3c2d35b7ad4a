import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

const NO_ROTATION =
  'The key only signs list cursors: changing it just invalidates the cursors clients hold. A rotation ' +
  'Lambda would add moving parts for little gain; replace the secret by hand if it is ever exposed.';

/**
 * The key that signs list cursors (CURSOR_SECRET_ARN), so a client cannot edit a cursor
 * to page into another tenant's keys. Generated at deploy time; never in the template.
 * Encrypted with a KMS key of its own, which only Secrets Manager may use on a reader's behalf.
 */
export class CursorSecret extends Construct {
  readonly secret: Secret;
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the Continuity cursor-signing secret',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.secret = new Secret(this, 'Secret', {
      description: 'HMAC key that signs API list cursors',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge(
      { id: 'AwsSolutions-SMG4', reason: NO_ROTATION },
      { id: 'HIPAA.Security-SecretsManagerRotationEnabled', reason: NO_ROTATION },
    );
  }

  /**
   * Lets a function read the key: secretsmanager:GetSecretValue on this secret only, and
   * kms:Decrypt of its key only through Secrets Manager.
   */
  grantRead(grantee: IGrantable): void {
    Grant.addToPrincipal({
      grantee,
      actions: ['secretsmanager:GetSecretValue'],
      resourceArns: [this.secret.secretArn],
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [this.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` },
        },
      }),
    );
  }
}
