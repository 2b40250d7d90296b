// The standard configuration that points the AWS SDK at an emulator, exactly as a user would
// point it at AWS: for the app's demo mode, the sync CLI's tests, the sync tests and benchmarks.
interface Endpoint {
  url: string;
  roleArn: string;
  externalId: string;
}
interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The SDK's own variables: endpoint, home region and the base credentials. */
export function emulatorSdkEnv(e: Pick<Endpoint, "url">, credentials: Credentials, regions: string[]) {
  return {
    AWS_ENDPOINT_URL: e.url,
    AWS_REGION: regions[0],
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  };
}

/** The SDK's variables plus Inspectorate's role to assume and regions: a whole sync configuration. */
export function emulatorAwsEnv(e: Endpoint, credentials: Credentials, regions: string[]) {
  return {
    ...emulatorSdkEnv(e, credentials, regions),
    INSPECTORATE_ROLE_ARN: e.roleArn,
    INSPECTORATE_EXTERNAL_ID: e.externalId,
    INSPECTORATE_REGIONS: regions.join(","),
  };
}
