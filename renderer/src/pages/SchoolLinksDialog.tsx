/**
 * «Связать исполнителей со школами…»: the schools the app recognises in the executors text of a plan,
 * one row per measure, all checked; the methodist unchecks what is wrong and links the rest in one
 * step that «Отменить» takes back. Offered on demand in the roadmap and after an import.
 */
import { LinkOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { countOf } from '../format';
import { errorText, useAction } from '../hooks';

export type SchoolLinkProposals = ApiOutput<'plan.proposeSchoolLinks'>;

const LINKS: [string, string, string] = ['связь', 'связи', 'связей'];

/**
 * The dialog itself. `proposals` may come from the caller (the import asks first, to offer the dialog
 * only when there is something to link); otherwise the dialog asks on opening.
 */
export function SchoolLinksDialog({
  roadmapId,
  proposals: given,
  onClose,
}: {
  roadmapId: number;
  proposals?: SchoolLinkProposals;
  onClose: (linked: number) => void;
}) {
  const [proposals, setProposals] = useState<SchoolLinkProposals | null>(given ?? null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<number[]>(given?.map((p) => p.measureId) ?? []);
  const [busy, setBusy] = useState(false);
  const act = useAction();

  useEffect(() => {
    if (given) return;
    call('plan.proposeSchoolLinks', { roadmapId })
      .then((p) => {
        setProposals(p);
        setChecked(p.map((x) => x.measureId));
      })
      .catch((err: unknown) => setError(errorText(err)));
  }, [roadmapId, given]);

  const chosen = (proposals ?? []).filter((p) => checked.includes(p.measureId));
  const links = chosen.flatMap((p) => p.schools.map((s) => ({ measureId: p.measureId, organizationId: s.id })));

  const link = async () => {
    setBusy(true);
    let linked = 0;
    const ok = await act(
      async () => {
        linked = (await call('plan.linkSchools', { roadmapId, links })).linked;
      },
      `Добавлено: ${countOf(links.length, LINKS)}. Отменить можно кнопкой «Отменить» в плане.`,
    );
    setBusy(false);
    if (ok) onClose(linked);
  };

  return (
    <Modal
      open
      width={980}
      title="Связать исполнителей со школами"
      onCancel={() => onClose(0)}
      footer={[
        <Button key="cancel" onClick={() => onClose(0)}>
          Отмена
        </Button>,
        <Button key="ok" type="primary" disabled={links.length === 0} loading={busy} onClick={() => void link()}>
          Связать
        </Button>,
      ]}
    >
      {error && <Alert type="error" showIcon message={error} />}
      {proposals && proposals.length === 0 && (
        <Alert
          type="info"
          showIcon
          message="Новых связей не найдено"
          description="В столбце «Исполнители» нет школ из справочника, которые ещё не связаны с мероприятиями. Если школу пишут иначе, добавьте написание в «Школы и организации» → «Другие написания»."
        />
      )}
      {proposals && proposals.length > 0 && (
        <>
          <Typography.Paragraph>
            В тексте исполнителей узнаны школы из справочника. Снимите отметку там, где школа узнана неверно; отмеченные мероприятия будут
            связаны со школами — тогда они попадут в формы для школ и в «Сроки» по школе. Выбрано:{' '}
            {countOf(chosen.length, ['мероприятие', 'мероприятия', 'мероприятий'])}, {countOf(links.length, LINKS)}.
          </Typography.Paragraph>
          <Table
            size="small"
            bordered
            rowKey="measureId"
            data-testid="school-links"
            pagination={false}
            scroll={{ y: 420 }}
            dataSource={proposals}
            rowSelection={{ selectedRowKeys: checked, onChange: (keys) => setChecked(keys as number[]) }}
            columns={[
              { title: '№', dataIndex: 'number', width: 70 },
              { title: 'Мероприятие', dataIndex: 'name', ellipsis: true },
              {
                title: 'Исполнители',
                dataIndex: 'executors',
                width: 260,
                render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
              },
              {
                title: 'Школа',
                width: 200,
                render: (_, p) =>
                  p.schools.map((s) => (
                    <Tag key={s.id} color="blue">
                      {s.label}
                    </Tag>
                  )),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

/** The roadmap header's button: opens the dialog and reloads the plan after linking. */
export function SchoolLinksButton({ roadmapId, onLinked }: { roadmapId: number; onLinked: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {/* Short on the button (the roadmap's header fits one line at 1093 px), whole in the tooltip and for screen readers. */}
      <Tooltip title="Связать исполнителей со школами…">
        <Button icon={<LinkOutlined />} aria-label="Связать исполнителей со школами…" onClick={() => setOpen(true)}>
          Школы…
        </Button>
      </Tooltip>
      {open && (
        <SchoolLinksDialog
          roadmapId={roadmapId}
          onClose={(linked) => {
            setOpen(false);
            if (linked > 0) onLinked();
          }}
        />
      )}
    </>
  );
}
