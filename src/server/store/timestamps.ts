/** Timestamps on the wire: ISO 8601 in UTC (OpenAPI `date-time`). */
export const nowIso = (): string => new Date().toISOString();
