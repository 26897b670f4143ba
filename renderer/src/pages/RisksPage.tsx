/**
 * «Риски» (issue 16): the «500+» schools' verified risk factors against the measures that address
 * them. The whole district (#/risks) — «Риски без мероприятий» first, then the matrix — or one
 * school (#/risks/ID) with its profile to edit. The quarter decides what counts as done.
 */
import { Button, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { call } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useLoad } from '../hooks';
import { go } from '../route';
import { quarterLabel } from './labels';
import { RiskFactorsDialog } from './RiskFactorsDialog';
import { RiskGaps, RiskMatrixTable } from './RiskMatrix';
import { SchoolRiskProfile } from './SchoolRiskProfile';

export function RisksPage(props: { schoolId: number | null }) {
  const quarters = useLoad(() => call('reports.quarters'), []);
  const dir = useDirectory();
  const [quarter, setQuarter] = useState<string | undefined>();
  const [factorsOpen, setFactorsOpen] = useState(false);
  useEffect(() => {
    if (quarter) return;
    const now = `${dayjs().year()}-Q${Math.floor(dayjs().month() / 3) + 1}`;
    if (quarters.data) setQuarter(quarters.data.includes(now) || quarters.data.length === 0 ? now : quarters.data[0]);
  }, [quarters.data, quarter]);
  const matrix = useLoad(async () => (quarter ? call('risks.matrix', { quarter }) : undefined), [quarter]);
  const options = [...new Set([...(quarters.data ?? []), ...(quarter ? [quarter] : [])])].sort().reverse();

  return (
    <div>
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Риски школ «500+»
        </Typography.Title>
        <Space wrap>
          <span>Квартал:</span>
          <Select
            aria-label="Квартал"
            style={{ width: 140 }}
            value={quarter}
            onChange={setQuarter}
            options={options.map((q) => ({ value: q, label: quarterLabel(q) }))}
          />
          <Select
            aria-label="Профиль школы"
            placeholder="Профиль школы…"
            style={{ width: 220 }}
            showSearch={{ filterOption: selectFilter }}
            value={props.schoolId ?? undefined}
            onChange={(id: number) => go('risks', id)}
            options={dir.schools.map((s) => ({ value: s.id, label: `${s.shortName || s.name}${s.is500 ? ' («500+»)' : ''}` }))}
          />
          <Button onClick={() => setFactorsOpen(true)}>Факторы риска…</Button>
        </Space>
      </Space>
      {quarter &&
        matrix.data &&
        (props.schoolId ? (
          <SchoolRiskProfile
            key={props.schoolId}
            schoolId={props.schoolId}
            quarter={quarter}
            matrix={matrix.data}
            onSaved={() => void matrix.reload()}
          />
        ) : (
          <>
            <RiskGaps matrix={matrix.data} />
            <RiskMatrixTable matrix={matrix.data} />
          </>
        ))}
      <RiskFactorsDialog
        open={factorsOpen}
        onClose={() => {
          setFactorsOpen(false);
          void matrix.reload();
        }}
      />
    </div>
  );
}
