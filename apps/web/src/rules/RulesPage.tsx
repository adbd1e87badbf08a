import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../api/http';
import { Problem } from '../layout/Problem';
import { theme } from '../theme';
import { DryRunResult } from './DryRunResult';
import { RuleForm } from './RuleForm';
import { RuleList } from './RuleList';
import { RuleVersions } from './RuleVersions';
import { emptyRuleForm, formFromRule, ruleFromForm } from './rule-form-model';
import type { RuleFormState } from './rule-form-model';
import { moveRule, putRule, removeRule, sameRules, toggleRule } from './rule-list-model';
import { authorName } from './rule-summary';
import type { DryRunView, Rule, RuleSetView, RuleVersionView } from './rule-types';
import { useRuleLookups } from './use-rule-lookups';

/** The rule open in the form: `ruleId` null for a new one. */
interface Editing {
  ruleId: string | null;
  form: RuleFormState;
  problems: string[];
}

/**
 * The escalation rules: edit the ordered list, try it on the last 24 hours, save it as a new
 * version. Every change stays in this page until "Save"; the server validates what is sent.
 */
export function RulesPage() {
  const { lookups, names, problems: lookupProblems } = useRuleLookups();
  const [saved, setSaved] = useState<RuleSetView | null>(null);
  const [rules, setRules] = useState<Rule[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [versions, setVersions] = useState<RuleVersionView[]>([]);
  const [dryRun, setDryRun] = useState<DryRunView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'dry-run' | 'save' | null>(null);

  const loadVersions = useCallback(() => {
    apiFetch<RuleVersionView[]>('/rules/versions').then(setVersions, (caught: Error) => setError(caught.message));
  }, []);
  useEffect(() => {
    apiFetch<RuleSetView>('/rules').then(
      (set) => {
        setSaved(set);
        setRules(set.rules);
      },
      (caught: Error) => setError(caught.message),
    );
    loadVersions();
  }, [loadVersions]);

  const dirty = editing !== null || (saved !== null && !sameRules(rules, saved.rules));
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const indexOf = (ruleId: string | null): number | null => {
    const index = ruleId === null ? -1 : rules.findIndex((rule) => rule.id === ruleId);
    return index === -1 ? null : index;
  };
  const readForm = (open: Editing) =>
    ruleFromForm(
      open.form,
      rules.filter((rule) => rule.id !== open.ruleId).map((rule) => rule.id),
    );

  const applyForm = () => {
    if (editing === null) return;
    const result = readForm(editing);
    if (result.ok) {
      setRules(putRule(rules, indexOf(editing.ruleId), result.rule));
      setEditing(null);
    } else {
      setEditing({ ...editing, problems: result.problems });
    }
  };

  /** The list as it would be saved, the open form included; null (and why) when the form is not finished. */
  const listToSend = (): Rule[] | null => {
    if (editing === null) return rules;
    const result = readForm(editing);
    if (result.ok) return putRule(rules, indexOf(editing.ruleId), result.rule);
    setEditing({ ...editing, problems: result.problems });
    setError(`Finish the rule being edited first: ${result.problems.join('; ')}`);
    return null;
  };

  const send = async (kind: 'dry-run' | 'save') => {
    setError(null);
    const list = listToSend();
    if (list === null) return;
    setBusy(kind);
    try {
      if (kind === 'dry-run') {
        setDryRun(await apiFetch<DryRunView>('/rules/dry-run', { method: 'POST', body: { rules: list } }));
      } else {
        const set = await apiFetch<RuleSetView>('/rules', { method: 'PUT', body: { rules: list } });
        setSaved(set);
        setRules(set.rules);
        setEditing(null);
        loadVersions();
      }
    } catch (caught) {
      if (kind === 'dry-run') setDryRun(null);
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const remove = (index: number) => {
    const rule = rules[index];
    if (
      rule === undefined ||
      !window.confirm(`Delete the rule "${rule.name}"? It stays live until the list is saved.`)
    ) {
      return;
    }
    setRules(removeRule(rules, index));
    if (editing?.ruleId === rule.id) setEditing(null);
  };

  const discard = () => {
    setRules(saved?.rules ?? []);
    setEditing(null);
    setError(null);
  };

  return (
    <main data-testid="rules" style={{ padding: 24 }}>
      <h1 style={{ marginTop: 0 }}>Escalation rules</h1>
      {saved !== null && (
        <p style={{ color: theme.mutedText }}>
          <strong data-testid="rules-version" style={{ color: theme.text }}>
            Version {saved.version}
          </strong>
          {saved.version === 0
            ? ' · nothing saved yet'
            : ` · saved by ${authorName(saved.createdBy)}${saved.createdAt === null ? '' : ` ${new Date(saved.createdAt).toLocaleString()}`}`}
          {' · '}the first enabled rule that matches a mention decides where it goes.
        </p>
      )}
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 16 }}>
        <button
          type="button"
          data-testid="add-rule"
          disabled={editing !== null && editing.ruleId === null}
          onClick={() => setEditing({ ruleId: null, form: emptyRuleForm(), problems: [] })}
        >
          Add rule
        </button>
        <button type="button" data-testid="dry-run" disabled={busy !== null} onClick={() => void send('dry-run')}>
          {busy === 'dry-run' ? 'Running…' : 'Dry run (last 24 h)'}
        </button>
        <button type="button" data-testid="save-rules" disabled={busy !== null} onClick={() => void send('save')}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {dirty && (
          <>
            <span data-testid="rules-dirty" style={{ color: theme.mutedText }}>
              Unsaved changes
            </span>
            <button type="button" data-testid="discard-rules" onClick={discard}>
              Discard changes
            </button>
          </>
        )}
      </div>
      <Problem message={error} testId="rules-error" />
      {lookupProblems.map((problem) => (
        <p key={problem} data-testid="rules-lookup-problem" style={{ color: theme.mutedText }}>
          {problem}
        </p>
      ))}
      {editing !== null && (
        <RuleForm
          key={editing.ruleId ?? 'new'}
          form={editing.form}
          isNew={editing.ruleId === null}
          problems={editing.problems}
          lookups={lookups}
          onChange={(patch) => setEditing((open) => open && { ...open, form: { ...open.form, ...patch } })}
          onApply={applyForm}
          onCancel={() => setEditing(null)}
        />
      )}
      {saved === null ? (
        error === null && <p style={{ color: theme.mutedText }}>Loading…</p>
      ) : (
        <RuleList
          rules={rules}
          names={names}
          editingRuleId={editing?.ruleId ?? null}
          onMove={(index, step) => setRules(moveRule(rules, index, step))}
          onToggle={(index) => setRules(toggleRule(rules, index))}
          onEdit={(index) => {
            const rule = rules[index];
            if (rule !== undefined) setEditing({ ruleId: rule.id, form: formFromRule(rule), problems: [] });
          }}
          onDelete={remove}
        />
      )}
      {dryRun !== null && <DryRunResult result={dryRun} />}
      <RuleVersions versions={versions} current={saved?.version ?? 0} />
    </main>
  );
}
