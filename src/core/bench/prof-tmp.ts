import { judgePayloadValue } from '../judge/judge-payload.ts';
import { BENCH_SPEC, generatePayload } from './generate-payload.ts';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const { text } = generatePayload(1_000);
for (let round = 0; round < 100; round++) { gc(); judgePayloadValue(JSON.parse(text), BENCH_SPEC); }
