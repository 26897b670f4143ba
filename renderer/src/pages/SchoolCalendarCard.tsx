/** The school calendar setting: quarter and trimester boundaries of each school year, defaults or edited. */
import { Button, Card, DatePicker, Form, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../format';
import { useAction, useLoad } from '../hooks';

type Years = ApiOutput<'settings.getSchoolCalendar'>;
type SchoolYear = Years[number]['year'];
type Pair = [Dayjs, Dayjs];
interface CalendarForm {
  quarters: Pair[];
  trimesters: Pair[];
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const toPairs = (spans: { start: string; end: string }[]): Pair[] => spans.map((s) => [toDayjs(s.start)!, toDayjs(s.end)!]);
const toSpans = (pairs: Pair[]) => pairs.map(([a, b]) => ({ start: fromDayjs(a), end: fromDayjs(b) }));

export function SchoolCalendarCard() {
  const years = useLoad(() => call('settings.getSchoolCalendar'), []);
  const act = useAction();
  const [startYear, setStartYear] = useState<number | null>(null);
  const [form] = Form.useForm<CalendarForm>();
  const current = years.data?.find((y) => y.startYear === startYear) ?? null;

  useEffect(() => {
    if (startYear === null && years.data?.length) {
      const now = new Date();
      const y = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
      setStartYear(years.data.some((x) => x.startYear === y) ? y : years.data[0]!.startYear);
    }
  }, [years.data, startYear]);
  useEffect(() => {
    if (current) form.setFieldsValue({ quarters: toPairs(current.year.quarters), trimesters: toPairs(current.year.trimesters) });
  }, [current, form]);

  const save = async (year: SchoolYear | null) => {
    if (await act(() => call('settings.setSchoolYear', { startYear: startYear!, year }), 'Календарь сохранён, сроки пересчитаны'))
      void years.reload();
  };

  return (
    <Card title="Школьный календарь (четверти и триместры)" style={{ maxWidth: 800, marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        По этим датам программа понимает сроки «по итогам каждой четверти», «по триместрам», «по полугодиям учебного года». После сохранения
        сроки всех мероприятий и решений пересчитываются.
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        Учебный год:
        <Select
          style={{ width: 160 }}
          value={startYear}
          onChange={setStartYear}
          options={(years.data ?? []).map((y) => ({ value: y.startYear, label: `${y.startYear}/${y.startYear + 1}` }))}
          aria-label="Учебный год"
        />
        {current && (current.overridden ? <Tag color="blue">изменён</Tag> : <Tag>по умолчанию</Tag>)}
      </Space>
      {current && (
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          onFinish={(v) =>
            save({ quarters: toSpans(v.quarters) as SchoolYear['quarters'], trimesters: toSpans(v.trimesters) as SchoolYear['trimesters'] })
          }
        >
          {ROMAN.map((r, i) => (
            <Form.Item key={r} name={['quarters', i]} label={`${r} четверть`} rules={[{ required: true, message: 'Укажите даты' }]}>
              <DatePicker.RangePicker format={DATE_FORMAT} allowClear={false} />
            </Form.Item>
          ))}
          {ROMAN.slice(0, 3).map((r, i) => (
            <Form.Item key={r} name={['trimesters', i]} label={`${r} триместр`} rules={[{ required: true, message: 'Укажите даты' }]}>
              <DatePicker.RangePicker format={DATE_FORMAT} allowClear={false} />
            </Form.Item>
          ))}
          <Space>
            <Button type="primary" htmlType="submit">
              Сохранить календарь
            </Button>
            <Button disabled={!current.overridden} onClick={() => void save(null)}>
              Вернуть по умолчанию
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
