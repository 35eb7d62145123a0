// Summaries of latency samples. Percentiles use the nearest-rank method: with ~50 samples the
// p95 is the third-largest value, which is what a user would notice.
export interface Summary {
	readonly n: number;
	readonly p50: number;
	readonly p95: number;
	readonly max: number;
}

export function summarize(samples: readonly number[]): Summary | undefined {
	if (samples.length === 0) return undefined;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
	return { n: sorted.length, p50: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted[sorted.length - 1]!) };
}

export function round(value: number, digits = 1): number {
	const scale = 10 ** digits;
	return Math.round(value * scale) / scale;
}

export function median(samples: readonly number[]): number {
	return summarize(samples)?.p50 ?? NaN;
}
