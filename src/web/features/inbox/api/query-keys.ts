/** Root of this feature's query keys; only the options factories here build keys from it. */
export const inboxKeyRoot = ['inbox'] as const;
