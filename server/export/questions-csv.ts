import type { QuestionRecord } from '../storage/question-store.js';
import { csvCell } from './votes-csv.js';

/** One row per question, every status; the voter id is kept so that a moderator can spot floods. */
export function questionsCsv(questions: readonly QuestionRecord[]): string {
  const rows = [['question_id', 'created_at', 'status', 'votes', 'answered', 'pinned', 'name', 'text', 'voter']];
  for (const q of questions) {
    rows.push([q.id, q.createdAt, q.status, String(q.votes), String(q.answered), String(q.pinned), q.name ?? '', q.text, q.voter]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
