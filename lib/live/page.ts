// The live view a page renders first (and keeps without JavaScript): the same facts and the same
// per-role view that /api/live streams afterwards.
import 'server-only';
import type { DB } from '@/db';
import { readLiveFacts } from './facts';
import { liveView, type LiveReader, type LiveView } from './view';

export function liveViewFor(db: DB, reader: LiveReader): LiveView {
  return liveView(readLiveFacts(db), reader);
}
