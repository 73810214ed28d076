// Order statistics for the benchmark reports.

/** The `p` quantile of `xs` (nearest rank), leaving out values that are not finite; NaN when none are. */
export function quantile(xs, p) {
  const s = xs.filter(Number.isFinite).sort((a, c) => a - c);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : NaN;
}

export const median = (xs) => quantile(xs, 0.5);
