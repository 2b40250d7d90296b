import type { Family } from "./cves";

// Resource flavours. Lambda runtimes use the modelled enum spellings exactly.

export interface Ec2Platform {
  platform: string; // Inspector's Ec2Platform-style value, uppercase
  os: "LINUX" | "WINDOWS";
  family: Family;
  amiName: string;
  weight: number;
}

export const EC2_PLATFORMS: readonly Ec2Platform[] = [
  { platform: "AMAZON_LINUX_2023", os: "LINUX", family: "rpm", amiName: "al2023-ami-2023.5.20240819.0-kernel-6.1-x86_64", weight: 5 },
  { platform: "AMAZON_LINUX_2", os: "LINUX", family: "rpm", amiName: "amzn2-ami-kernel-5.10-hvm-2.0.20240620.0-x86_64-gp2", weight: 4 },
  { platform: "UBUNTU_22_04", os: "LINUX", family: "deb", amiName: "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20240301", weight: 4 },
  { platform: "UBUNTU_20_04", os: "LINUX", family: "deb", amiName: "ubuntu/images/hvm-ssd/ubuntu-focal-20.04-amd64-server-20231207", weight: 2 },
  { platform: "DEBIAN_12", os: "LINUX", family: "deb", amiName: "debian-12-amd64-20240717-1811", weight: 1 },
  { platform: "RHEL_9", os: "LINUX", family: "rpm", amiName: "RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3", weight: 1 },
  { platform: "WINDOWS_SERVER_2022", os: "WINDOWS", family: "win", amiName: "Windows_Server-2022-English-Full-Base-2024.07.10", weight: 2 },
  { platform: "WINDOWS_SERVER_2019", os: "WINDOWS", family: "win", amiName: "Windows_Server-2019-English-Full-Base-2024.06.12", weight: 1 },
];

export interface LambdaRuntime {
  runtime: string;
  family: Family | null;
  supported: boolean;
  lang: "python" | "javascript" | "java" | "go" | "csharp" | "ruby";
  weight: number;
}

export const LAMBDA_RUNTIMES: readonly LambdaRuntime[] = [
  { runtime: "PYTHON_3_11", family: "pip", supported: true, lang: "python", weight: 5 },
  { runtime: "PYTHON_3_10", family: "pip", supported: true, lang: "python", weight: 3 },
  { runtime: "PYTHON_3_9", family: "pip", supported: true, lang: "python", weight: 2 },
  { runtime: "NODEJS_18_X", family: "npm", supported: true, lang: "javascript", weight: 4 },
  { runtime: "NODEJS_22_X", family: "npm", supported: true, lang: "javascript", weight: 3 },
  { runtime: "NODEJS_16_X", family: "npm", supported: true, lang: "javascript", weight: 1 },
  { runtime: "NODEJS_12_X", family: "npm", supported: false, lang: "javascript", weight: 1 },
  { runtime: "JAVA_17", family: "jar", supported: true, lang: "java", weight: 2 },
  { runtime: "JAVA_21", family: "jar", supported: true, lang: "java", weight: 1 },
  { runtime: "JAVA_8_AL2", family: "jar", supported: true, lang: "java", weight: 1 },
  { runtime: "GO_1_X", family: "gomod", supported: true, lang: "go", weight: 1 },
  { runtime: "DOTNET_6", family: "nuget", supported: true, lang: "csharp", weight: 1 },
  { runtime: "RUBY_3_2", family: null, supported: true, lang: "ruby", weight: 1 },
  { runtime: "PYTHON_3_7", family: "pip", supported: false, lang: "python", weight: 1 },
  { runtime: "UNSUPPORTED", family: null, supported: false, lang: "python", weight: 1 },
];

export interface ImageBase {
  os: Family; // "deb" | "rpm"
  app: Family; // application ecosystem inside the image
  platform: string;
}

export const ECR_APPS: readonly { repo: string; app: Family }[] = [
  { repo: "payments-api", app: "jar" }, { repo: "identity-service", app: "jar" }, { repo: "checkout-web", app: "npm" },
  { repo: "web-frontend", app: "npm" }, { repo: "data-ingest", app: "pip" }, { repo: "ml-inference", app: "pip" },
  { repo: "notifications", app: "npm" }, { repo: "edge-proxy", app: "gomod" }, { repo: "search-indexer", app: "jar" },
  { repo: "fraud-scoring", app: "pip" }, { repo: "billing-worker", app: "jar" }, { repo: "platform-agent", app: "gomod" },
  { repo: "reporting", app: "pip" }, { repo: "mobile-bff", app: "npm" }, { repo: "ledger", app: "gomod" },
];

export const ECR_BASES: readonly { os: "deb" | "rpm"; platform: string }[] = [
  { os: "deb", platform: "UBUNTU_22_04" }, { os: "deb", platform: "DEBIAN_12" }, { os: "rpm", platform: "AMAZON_LINUX_2023" },
  { os: "deb", platform: "DEBIAN_11" }, { os: "rpm", platform: "AMAZON_LINUX_2" },
];

export const INSTANCE_TYPES = ["t3.micro", "t3.medium", "m6i.large", "m7g.xlarge", "c6i.2xlarge", "r6i.large", "t4g.small"];
export const ARCHS = ["amd64", "arm64"];
