/** The bench server's sandbox key: the seeding calls use it, the page never sees it. */
export const BENCH_API_KEY = 'bench-sandbox-key-5e1d7c3a9b2f4086';
