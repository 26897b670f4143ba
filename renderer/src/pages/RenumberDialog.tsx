/**
 * Switching automatic numbering on rewrites a plan's printed numbers («4. 8» → «4.8»), so the
 * methodist sees every number that would change (old → new) and confirms before anything is written.
 * The change is one step of the plan's history: «Отменить» brings the printed numbers back.
 */
import { Alert, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { countOf } from '../format';
import { errorText, useAction } from '../hooks';

type Change = ApiOutput<'plan.renumberPreview'>[number];

export function RenumberDialog({
  roadmapId,
  open,
  onDone,
  onCancel,
}: {
  roadmapId: number;
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = useAction();
  useEffect(() => {
    if (!open) return;
    setChanges(null);
    setError(null);
    call('plan.renumberPreview', { roadmapId }).then(setChanges, (err: unknown) => setError(errorText(err)));
  }, [open, roadmapId]);
  const apply = async () => {
    setBusy(true);
    const ok = await act(() => call('plan.renumberApply', { roadmapId }), 'Нумерация включена. «Отменить» вернёт прежние номера.');
    setBusy(false);
    if (ok) onDone();
  };
  return (
    <Modal
      open={open}
      title="Нумеровать автоматически"
      width={560}
      okText={changes && changes.length > 0 ? 'Перенумеровать' : 'Включить'}
      cancelText="Отмена"
      okButtonProps={{ disabled: changes === null, loading: busy }}
      onOk={() => void apply()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} />}
      {changes && changes.length === 0 && (
        <Typography.Paragraph>Номера уже идут по порядку (1, 1.1, 1.2 …): ни один не изменится.</Typography.Paragraph>
      )}
      {changes && changes.length > 0 && (
        <>
          <Typography.Paragraph>
            Разделы будут пронумерованы 1, 2, 3…, мероприятия — 1.1, 1.2…{' '}
            {changes.length % 10 === 1 && changes.length % 100 !== 11 ? 'Изменится' : 'Изменятся'}{' '}
            {countOf(changes.length, ['номер', 'номера', 'номеров'])}; остальное в плане не меняется.
          </Typography.Paragraph>
          <Table<Change>
            size="small"
            rowKey={(c) => `${c.kind}-${c.id}`}
            dataSource={changes}
            pagination={false}
            scroll={{ y: 320 }}
            columns={[
              { title: 'Что', dataIndex: 'kind', width: 120, render: (k: Change['kind']) => (k === 'section' ? 'Раздел' : 'Мероприятие') },
              { title: 'Было', dataIndex: 'old', render: (v: string) => v || '(без номера)' },
              { title: 'Станет', dataIndex: 'new' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
