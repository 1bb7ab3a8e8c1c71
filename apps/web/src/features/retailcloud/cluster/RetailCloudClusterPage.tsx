/** Retail Cloud clusters and nodes, node labels, persistent volumes, resource allocation and RDS. */
export function RetailCloudClusterPage() {
  return <section data-testid="retailcloud-cluster-page" />;
}
