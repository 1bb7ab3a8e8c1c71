import type { Role } from '@console/contract';

// Kept here rather than imported from the contract so that the entry bundle carries no schema library.
const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export const hasRole = (actual: Role, needed: Role): boolean => rank[actual] >= rank[needed];
