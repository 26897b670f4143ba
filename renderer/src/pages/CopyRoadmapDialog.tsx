/**
 * «Создать на следующий год…»: the methodist picks the new period (suggested: the same one a year on),
 * the app copies the roadmap with its terms moved and then lists the terms worth a second look.
 */
import { Alert, Button, DatePicker, Form, List, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { countOf, DATE_FORMAT, fromDayjs, toDayjs } from '../format';
import { useAction } from '../hooks';
import { go } from '../route';

type Copy = ApiOutput<'roadmaps.copy'>;

export function CopyRoadmapButton({ roadmap }: { roadmap: { id: number; periodStart: string; periodEnd: string } }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<Copy | null>(null);
  const [form] = Form.useForm<{ period: [Dayjs, Dayjs] }>();
  const act = useAction();

  const start = async () => {
    // A field left wrong stays marked in the form; it is no error of the page.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await act(async () =>
      setResult(await call('roadmaps.copy', { id: roadmap.id, periodStart: fromDayjs(v.period[0]), periodEnd: fromDayjs(v.period[1]) })),
    );
  };
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  const nextYear: [Dayjs, Dayjs] = [toDayjs(roadmap.periodStart)!.add(1, 'year'), toDayjs(roadmap.periodEnd)!.add(1, 'year')];

  return (
    <>
      <Button onClick={() => setOpen(true)}>Создать на следующий год…</Button>
      <Modal
        open={open}
        title="Новая дорожная карта на основе этой"
        destroyOnHidden
        width={640}
        onCancel={close}
        footer={
          result
            ? [
                <Button key="stay" onClick={close}>
                  Закрыть
                </Button>,
                <Button key="open" type="primary" onClick={() => go('roadmaps', result.roadmap.id, 'plan')}>
                  Открыть новую карту
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  Отмена
                </Button>,
                <Button key="ok" type="primary" onClick={() => void start()}>
                  Создать
                </Button>,
              ]
        }
      >
        {!result ? (
          <Form form={form} layout="vertical" initialValues={{ period: nextYear }}>
            <Typography.Paragraph>
              Будут скопированы паспорт, подписи столбцов, разделы, мероприятия и исполнители. Годы в названии и в сроках сдвинутся на
              разницу периодов («Октябрь 2024» → «Октябрь 2025»). Отметки об исполнении и приказы не копируются.
            </Typography.Paragraph>
            <Form.Item name="period" label="Период новой дорожной карты" rules={[{ required: true, message: 'Укажите период' }]}>
              <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        ) : (
          <>
            <Alert
              type="success"
              showIcon
              message={`Дорожная карта создана: «${result.roadmap.title}», ${countOf(result.measures, ['мероприятие', 'мероприятия', 'мероприятий'])}, сроки сдвинуты у ${result.shifted}${result.indicators ? `, индикаторы скопированы с базовыми и плановыми значениями: ${result.indicators}` : ''}.`}
              style={{ marginBottom: 12 }}
            />
            {result.unshifted.length > 0 && (
              <List
                size="small"
                header={<b>Проверьте сроки ({result.unshifted.length})</b>}
                dataSource={result.unshifted}
                renderItem={(u) => (
                  <List.Item>
                    {u.number} «{u.term}» — {u.reason}
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
