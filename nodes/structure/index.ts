/** Structural nodes (merging, splitting, marking outputs), in palette order. */
export const STRUCTURE_KINDS = [] as const;
