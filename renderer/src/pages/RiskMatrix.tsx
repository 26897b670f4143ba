/**
 * The gaps matrix of «Риски»: «Риски без мероприятий» first, then schools × verified factors, each
 * cell in the words of shared/risk-cell.ts (the report's «Риски» sheet says the same).
 */
import { Alert, Empty, Table, Tag, Typography } from 'antd';
import type { ApiOutput } from '../api';
import { go } from '../route';
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../../shared/labels';
import { riskCountsText } from '../../../shared/risk-cell';

export type Matrix = ApiOutput<'risks.matrix'>;
type Row = Matrix['rows'][number];
type Cell = Row['cells'][number];

export const LEVEL_COLORS: Record<RiskLevel, string> = { high: 'red', medium: 'gold', low: 'green' };

/** One verified factor of one school: its level, then the counts; no measure at all is said in red. */
export function RiskCellView({ cell }: { cell: Cell }) {
  return (
    <div data-testid="risk-cell">
      <Tag color={LEVEL_COLORS[cell.level]} style={{ marginInlineEnd: 0 }}>
        {RISK_LEVEL_LABELS[cell.level]}
      </Tag>
      <div style={{ fontSize: 12, marginTop: 2 }}>
        <Typography.Text type={cell.measures === 0 ? 'danger' : undefined} style={{ fontSize: 12 }}>
          {riskCountsText(cell)}
        </Typography.Text>
      </div>
    </div>
  );
}

export function RiskGaps({ matrix }: { matrix: Matrix }) {
  if (matrix.rows.length === 0) return null;
  if (matrix.gaps.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        message="Риски без мероприятий: нет — на каждый верифицированный риск направлено хотя бы одно мероприятие."
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="risk-gaps"
      message={`Риски без мероприятий: ${matrix.gaps.length}`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {matrix.gaps.map((g) => (
            <li key={`${g.schoolId}:${g.factorId}`}>
              <Typography.Link onClick={() => go('risks', g.schoolId)}>{g.school}</Typography.Link> — {g.factor}{' '}
              <Tag color={LEVEL_COLORS[g.level]}>{RISK_LEVEL_LABELS[g.level]}</Tag>
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function RiskMatrixTable({ matrix }: { matrix: Matrix }) {
  if (matrix.rows.length === 0)
    return (
      <Empty
        description={`Ни у одной школы нет рискового профиля на ${matrix.quarter.slice(0, 4)} год. Выберите школу в поле «Профиль школы» и отметьте её верифицированные факторы риска.`}
      />
    );
  return (
    <Table<Row>
      data-testid="risk-matrix"
      rowKey="schoolId"
      size="small"
      bordered
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: 170 + matrix.factors.length * 128 }}
      dataSource={matrix.rows}
      columns={[
        {
          title: 'Школа',
          key: 'school',
          fixed: 'left',
          width: 170,
          render: (_, r) => (
            <div>
              <Typography.Link onClick={() => go('risks', r.schoolId)}>{r.school}</Typography.Link>
              <div style={{ fontSize: 12, color: '#888' }}>
                профиль {r.year} г.{r.is500 ? ' · «500+»' : ''}
              </div>
            </div>
          ),
        },
        ...matrix.factors.map((f) => ({
          title: <span style={{ fontSize: 12, fontWeight: 500 }}>{f.archived ? `${f.name} (в архиве)` : f.name}</span>,
          key: String(f.id),
          width: 128,
          render: (_: unknown, r: Row) => {
            const cell = r.cells.find((c) => c.factorId === f.id);
            return cell ? <RiskCellView cell={cell} /> : null;
          },
        })),
      ]}
    />
  );
}
