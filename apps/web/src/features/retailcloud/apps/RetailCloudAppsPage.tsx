/** Retail Cloud apps and environments, deploy configs, app groups and users of one account. */
export function RetailCloudAppsPage() {
  return <section data-testid="retailcloud-apps-page" />;
}
