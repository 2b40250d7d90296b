// Open findings on other clouds' resources (Azure through an Inspector connector…), per provider
// account and severity. Their account id is the provider's (an Azure subscription), so they get
// rows of their own, labelled by provider, never an AWS account's name, owner or page.

export interface ProviderSeverityCount {
  /** The AWS account whose Inspector (connector) reports it. */
  account_id: string;
  provider: string;
  /** The provider's account (subscription) id; null when Inspector did not say. */
  provider_account_id: string | null;
  severity: string;
  count: number;
}
