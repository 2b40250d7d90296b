// The explorer filter that opens one group's findings (pure: the group table runs in the browser).
import type { FindingsFilter, FindingsGroup } from "./findings-filter";

export function groupFilter(group: FindingsGroup, key: string): Partial<Pick<FindingsFilter, "cve" | "package" | "resource" | "ami" | "image">> {
  switch (group) {
    case "cve":
      return { cve: key };
    case "package":
      return { package: key };
    case "resource":
      return { resource: key };
    case "ami":
      return { ami: key };
    case "image":
      return { image: key };
  }
}
