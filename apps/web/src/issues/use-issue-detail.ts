import { useCallback, useEffect, useState } from 'react';
import type { IssueCaseView, IssueDetailView, IssueNoteView, TriageItemView } from '@watchfloor/contracts';
import { issuesClient } from './issues-client';

/** One issue's case, notes and linked triage items, loaded when chosen and kept as they change. */
export function useIssueDetail(issueId: string, withLinkedItems: boolean) {
  const [detail, setDetail] = useState<IssueDetailView | null>(null);
  const [linkedItems, setLinkedItems] = useState<TriageItemView[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    issuesClient.detail(issueId).then(setDetail, (error: Error) => setProblem(error.message));
    if (withLinkedItems) {
      issuesClient.linkedItems(issueId).then(setLinkedItems, (error: Error) => setProblem(error.message));
    }
  }, [issueId, withLinkedItems]);
  useEffect(reload, [reload]);

  const setCase = useCallback((changed: IssueCaseView) => {
    setDetail((current) => (current === null ? current : { ...current, case: changed }));
  }, []);
  const addNote = useCallback((note: IssueNoteView) => {
    setDetail((current) => (current === null ? current : { ...current, notes: [...current.notes, note] }));
  }, []);

  return { detail, linkedItems, problem, setProblem, reload, setCase, addNote };
}
