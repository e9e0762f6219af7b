// audit:verify for renames under the two-person rule (called from lib/replay/audit.ts): the name an
// approval gave an account must be the name its proposal was filed with. The proposal row is what
// the approval applies; whoever holds the file without the key could change its new name between
// the proposal (and the chair's reading of it) and the approval, and the approval's own entry would
// state the changed name as if the chair had approved it.
import type { AuditEntry } from '@/db/schema';
import { payloadOf } from '@/lib/audit';

type Name = { displayName: unknown; latinName: unknown };

export function replayProposals(entries: AuditEntry[]): string[] {
  const problems: string[] = [];
  const proposed = new Map<number, Name>();
  entries.forEach((e, i) => {
    const p = payloadOf(e);
    if (e.action === 'account.propose' && p.kind === 'rename' && p.to && typeof p.to === 'object') proposed.set(Number(p.proposal), p.to as Name);
    if (e.action !== 'account.approve_proposal' || p.kind !== 'rename') return;
    const to = proposed.get(Number(p.proposal));
    const state = Array.isArray(p.accounts) ? (p.accounts as ({ id?: unknown } & Name)[]).find((a) => a && a.id === p.target) : undefined;
    if (!to || !state) return; // an approval without a stated rename: nothing to compare
    if (state.displayName !== to.displayName || (state.latinName ?? null) !== (to.latinName ?? null)) {
      problems.push(`entry ${i + 1} (id ${e.id}): the approval of proposal ${String(p.proposal)} renamed account ${String(p.target)} to ${JSON.stringify(state.displayName)}, but the name proposed was ${JSON.stringify(to.displayName)}`);
    }
  });
  return problems;
}
