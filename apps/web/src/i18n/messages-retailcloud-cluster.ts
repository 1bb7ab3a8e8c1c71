/** Messages of the Retail Cloud cluster pages, merged into the one catalogue (messages.ts). */
export const enRetailCloudCluster = {} as const;

export const zhRetailCloudCluster: Record<keyof typeof enRetailCloudCluster, string> = {};
