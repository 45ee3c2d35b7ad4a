import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { API_BASE_PATH } from './api.ts';
import { SPA_REWRITE_FUNCTION_CODE } from './spa-rewrite.ts';

/** The HIPAA S3 findings of a bucket that holds no health data, with what it holds instead. */
const NO_HEALTH_DATA = (holds: string) => [
  {
    id: 'HIPAA.Security-S3DefaultEncryptionKMS',
    reason: `Holds ${holds}, no health or offence data; S3-managed encryption is enough and keeps CloudFront simple.`,
  },
  {
    id: 'HIPAA.Security-S3BucketVersioningEnabled',
    reason: `Holds ${holds}; nothing in it needs an old version kept, and the bucket is retained on stack deletion.`,
  },
  {
    id: 'HIPAA.Security-S3BucketReplicationEnabled',
    reason: `Holds ${holds}; no second-region copy is needed to restore it.`,
  },
];

export interface WebProps {
  /** Host name of the HTTP API, the origin of `/api/*`. */
  apiDomainName: string;
  /** Content-Security-Policy header value (may be a lazy token resolved at synth). */
  contentSecurityPolicy: string;
  /** Optional custom domain with its ACM certificate (must be in us-east-1). */
  domainName: string | undefined;
  certificateArn: string | undefined;
}

/**
 * The one origin users see: CloudFront serves the built frontend from a private bucket
 * (origin access control) and forwards `/api/*` to the HTTP API uncached, so app and API
 * share an origin and need no CORS.
 */
export class Web extends Construct {
  readonly siteBucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** Viewer-request function of the default behaviour: app routes get index.html. */
  readonly spaRewrite: CloudFrontFunction;
  /** https://<domain> of the app, no trailing slash. */
  readonly appUrl: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);

    this.logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs, so the bucket owner must be able to accept them.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge(
      {
        id: 'AwsSolutions-S1',
        reason: 'This is the access-log bucket itself; logging its own access would log forever.',
      },
      ...NO_HEALTH_DATA(
        'request logs of CloudFront and the site bucket (no bodies, no query strings of the API)',
      ),
    );

    this.siteBucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'site-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.siteBucket).acknowledge(
      ...NO_HEALTH_DATA('the built web app and its config.json, rebuilt from the repository by every deploy'),
    );

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Continuity: HSTS, CSP, no framing, no sniffing',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        contentSecurityPolicy: { contentSecurityPolicy: props.contentSecurityPolicy, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        xssProtection: { protection: false, override: true },
      },
      removeHeaders: ['Server'],
    });

    const stack = Stack.of(this);
    this.spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      // CloudFront function names are global to the account: name it after this stack and region.
      functionName: `${stack.stackName}-${stack.region}-spa-rewrite`.slice(0, 64),
      comment: 'Serve index.html for the app routes',
      code: FunctionCode.fromInline(SPA_REWRITE_FUNCTION_CODE),
      runtime: FunctionRuntime.JS_2_0,
    });

    const customDomain =
      props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {};

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Continuity web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in England; the cheapest class still has European edge locations.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...customDomain,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: this.spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`${API_BASE_PATH}/*`]: {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything the viewer sent (Authorization, query, If-Match, Idempotency-Key) except Host,
          // which must be the API's own host name for API Gateway to route the request.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          compress: true,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    this.appUrl = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Partnership staff may sign in while travelling; access is controlled by Cognito, not geography.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: the API is behind JWT authorisation and stage throttling, and Cognito PLUS threat ' +
          'protection guards sign-in. A WAF web ACL (us-east-1) is a later hardening step.',
      },
    );
    if (!props.domainName) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose TLS policy ' +
          'cannot be chosen; set context domainName and certificateArn to enforce TLSv1.2_2021.',
      });
    }
  }
}
