import { randomFillSync } from 'node:crypto';

/** The counter in a UUID's 12 `rand_a` bits starts below this, leaving room to count up. */
const COUNTER_START_RANGE = 0x400;
const COUNTER_MAX = 0xfff;

let lastMs = 0;
let counter = 0;
const bytes = Buffer.alloc(16);
/** Random bytes drawn 4 KB at a time (as randomUUID does): one draw per id cost 2–3 µs. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function fillRandom(target: Buffer): void {
  if (poolOffset + target.length > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool.copy(target, 0, poolOffset, poolOffset + target.length);
  poolOffset += target.length;
}

/**
 * A new run's job_id: a version 7 UUID (RFC 9562), its 48 leading bits the time in
 * milliseconds, then a counter (method 1 of the RFC, seeded at random each millisecond), then
 * 62 random bits. Later ids sort after earlier ones, so each run lands at the end of the
 * `job_id` indexes instead of at a random page. A random (version 4) id dirtied a different
 * index page per run, which made storing a run three times as costly once the table held
 * 100,000 runs. The random bits keep ids from two threads (the intake thread, and the event
 * loop while it starts) from meeting.
 */
export function newJobId(now = Date.now()): string {
  fillRandom(bytes);
  if (now > lastMs) {
    lastMs = now;
    counter = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) % COUNTER_START_RANGE;
  } else if (counter < COUNTER_MAX) {
    // The same millisecond, or a clock that went back: keep counting on the last one.
    counter++;
  } else {
    // 3,000-odd ids in one millisecond: borrow the next one, as the RFC allows.
    lastMs++;
    counter = 0;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
