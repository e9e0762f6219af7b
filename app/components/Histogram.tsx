// A candidate's score distribution: one bar per value of the scale, as inline SVG; its name lists
// the scores given, joined the way the reader's language joins a list.
import { listOf } from '@/lib/locale/lists';

type Props = { counts: number[]; values: number[]; label: string; locale: string };

export function Histogram({ counts, values, label, locale }: Props) {
  const max = Math.max(1, ...counts);
  const w = 8, gap = 2, h = 28;
  const summary = listOf(locale, values.flatMap((v, i) => (counts[i] ? [`${v}×${counts[i]}`] : [])), 'plain');
  return (
    <svg width={values.length * (w + gap)} height={h} role="img" aria-label={`${label}: ${summary || '—'}`} style={{ display: 'block' }}>
      {counts.map((c, i) => {
        const bh = c === 0 ? 1 : Math.max(3, Math.round((c / max) * (h - 2)));
        return <rect key={i} x={i * (w + gap)} y={h - bh} width={w} height={bh} rx={1.5} fill={c === 0 ? 'var(--border)' : 'var(--accent)'} />;
      })}
    </svg>
  );
}
