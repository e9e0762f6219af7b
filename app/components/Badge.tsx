// A small label beside a name or in a state column. The tone is a colour cue only: the text always
// says the same thing.
import type { ReactNode } from 'react';
import ui from './ui.module.css';

const TONE = { ok: ui.badgeOk, warn: ui.badgeWarn, accent: ui.badgeAccent } as const;

export function Badge({ tone, children }: { tone?: keyof typeof TONE; children: ReactNode }) {
  return <span className={tone ? `${ui.badge} ${TONE[tone]}` : ui.badge}>{children}</span>;
}
