/** Messages of the Retail Cloud apps pages, merged into the one catalogue (messages.ts). */
export const enRetailCloudApps = {} as const;

export const zhRetailCloudApps: Record<keyof typeof enRetailCloudApps, string> = {};
