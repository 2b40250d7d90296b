// A finding's resources: type, id, a human name and the columns the filters use. The first is the
// primary resource (the finding's resource_* columns, used for sorting); every one of them is a
// finding_resources row.
import type { Finding, Resource } from "@aws-sdk/client-inspector2";

export interface ResourceColumns {
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  resourceTags: Record<string, string>;
  amiId: string | null;
  ecrRepository: string | null;
  ecrImageHash: string | null;
}

/** A resource after the first: its columns and the region Inspector gives for it. */
export interface OtherResource extends ResourceColumns {
  region: string | null;
}

export function resourceColumns(r: Resource | undefined): ResourceColumns {
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

export function primaryResource(f: Finding): ResourceColumns {
  return resourceColumns(f.resources?.[0]);
}

/** Resources 2…n in Inspector's order (Inspector sends at most 10). */
export function otherResources(f: Finding): OtherResource[] {
  return (f.resources ?? []).slice(1).map((r) => ({ ...resourceColumns(r), region: r.region ?? null }));
}
