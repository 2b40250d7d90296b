// The finding's primary resource: type, id, a human name and the columns the filters use.
import type { Finding } from "@aws-sdk/client-inspector2";

export interface ResourceColumns {
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  resourceTags: Record<string, string>;
  amiId: string | null;
  ecrRepository: string | null;
  ecrImageHash: string | null;
}

export function primaryResource(f: Finding): ResourceColumns {
  const r = f.resources?.[0];
  const ec2 = r?.details?.awsEc2Instance;
  const image = r?.details?.awsEcrContainerImage;
  const lambda = r?.details?.awsLambdaFunction;
  const id = r?.id ?? "unknown";
  let name: string | null = null;
  if (r?.type === "AWS_EC2_INSTANCE") name = id;
  else if (image?.repositoryName) {
    const tag = image.imageTags?.[0];
    name = tag ? `${image.repositoryName}:${tag}` : `${image.repositoryName}@${(image.imageHash ?? "").slice(0, 19)}`;
  } else if (lambda?.functionName) name = lambda.functionName;
  else if (r) name = id;
  return {
    resourceType: r?.type ?? "UNKNOWN",
    resourceId: id,
    resourceName: name,
    resourceTags: r?.tags ?? {},
    amiId: ec2?.imageId ?? null,
    ecrRepository: image?.repositoryName ?? null,
    ecrImageHash: image?.imageHash ?? null,
  };
}
