import { AdminTable, Cell } from '../admin/AdminTable';
import { theme } from '../theme';
import { summarizeActions, summarizeConditions } from './rule-summary';
import type { RuleNames } from './rule-summary';
import type { Rule } from './rule-types';

/** The ordered rules: the first enabled rule that matches a mention decides, so order is editable here. */
export function RuleList({
  rules,
  names,
  editingRuleId,
  onMove,
  onToggle,
  onEdit,
  onDelete,
}: {
  rules: Rule[];
  names: RuleNames;
  editingRuleId: string | null;
  onMove: (index: number, step: -1 | 1) => void;
  onToggle: (index: number) => void;
  onEdit: (index: number) => void;
  onDelete: (index: number) => void;
}) {
  if (rules.length === 0) {
    return (
      <p data-testid="rules-empty" style={{ color: theme.mutedText }}>
        No rules yet: nothing is flagged into an inbox until a rule matches.
      </p>
    );
  }
  return (
    <AdminTable headings={['#', 'Rule', 'When', 'Then', '']}>
      {rules.map((rule, index) => (
        <tr
          key={rule.id}
          data-testid="rule-row"
          data-rule-id={rule.id}
          data-enabled={String(rule.enabled)}
          style={{
            color: rule.enabled ? theme.text : theme.mutedText,
            background: rule.id === editingRuleId ? theme.panel : undefined,
          }}
        >
          <Cell>{index + 1}</Cell>
          <Cell>
            <strong data-testid="rule-name-text">{rule.name}</strong>
            <br />
            <small style={{ color: theme.mutedText }}>
              {rule.id}
              {rule.enabled ? '' : ' · disabled'}
            </small>
          </Cell>
          <Cell>{summarizeConditions(rule.when, names)}</Cell>
          <Cell>
            <strong style={{ color: theme.priority[rule.then.priority] }}>{rule.then.priority}</strong>{' '}
            {summarizeActions(rule.then, names)}
          </Cell>
          <Cell>
            <span style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
              <button
                type="button"
                data-testid="move-rule-up"
                aria-label={`Move ${rule.name} up`}
                disabled={index === 0}
                onClick={() => onMove(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                data-testid="move-rule-down"
                aria-label={`Move ${rule.name} down`}
                disabled={index === rules.length - 1}
                onClick={() => onMove(index, 1)}
              >
                ↓
              </button>
              <button type="button" data-testid="toggle-rule" onClick={() => onToggle(index)}>
                {rule.enabled ? 'Disable' : 'Enable'}
              </button>
              <button type="button" data-testid="edit-rule" onClick={() => onEdit(index)}>
                Edit
              </button>
              <button type="button" data-testid="delete-rule" onClick={() => onDelete(index)}>
                Delete
              </button>
            </span>
          </Cell>
        </tr>
      ))}
    </AdminTable>
  );
}
