/**
 * The start page: what a new user does first — Настройки, the schools, a roadmap — each step a link
 * with a tick once done, and «Открыть демонстрационный район» to look around in a separate file first.
 * An empty database opens here; later it is reached through «Файл» → «Первые шаги».
 */
import { CheckCircleFilled, ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { call } from '../api';
import { openDemo, useSwitch } from '../databases';
import { useLoad } from '../hooks';
import { go, hashOf } from '../route';
import { NewRoadmapButtons } from './NewRoadmapButtons';

function Step({ n, done, title, link, children }: { n: number; done: boolean; title: string; link: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="start-step" data-done={done ? 'yes' : 'no'}>
      <Space align="start" size={16}>
        <span
          style={{ fontSize: 22, width: 28, display: 'inline-block', textAlign: 'center', color: done ? '#52c41a' : '#8c8c8c' }}
          aria-label={done ? 'сделано' : 'не сделано'}
        >
          {done ? <CheckCircleFilled /> : n}
        </span>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <a href={link}>{title}</a>
          </Typography.Title>
          {children}
        </div>
      </Space>
    </Card>
  );
}

export function StartPage() {
  const steps = useLoad(() => call('app.firstSteps'), []);
  const recent = useLoad(() => call('app.recentDatabases'), []);
  const switchTo = useSwitch();
  const s = steps.data;
  return (
    <div style={{ maxWidth: 900 }} data-testid="start-page">
      <Typography.Title level={3}>Начало работы</Typography.Title>
      <Typography.Paragraph>Три шага, чтобы программа заменила план в Word и таблицу исполнения в Excel.</Typography.Paragraph>
      <Step n={1} done={!!s?.settings} title="Заполните «Настройки»" link={hashOf('settings')}>
        Полное и краткое название управления образования, руководитель, город, муниципальный координатор — они печатаются в каждом
        документе.
      </Step>
      <Step n={2} done={(s?.schools ?? 0) > 0} title="Добавьте школы" link={hashOf('organizations')}>
        «Школы и организации»: школы района с краткими названиями (СОШ № 2), отметками ШНОР / ШНСУ и кураторами.
        {(s?.schools ?? 0) > 0 && <Typography.Text type="secondary"> Добавлено школ: {s!.schools}.</Typography.Text>}
      </Step>
      <Step n={3} done={(s?.roadmaps ?? 0) > 0} title="Создайте или импортируйте дорожную карту" link={hashOf('roadmaps')}>
        <Typography.Paragraph>
          Новую карту заполняют по разделам, готовый план переносят из Word или Excel: программа покажет, что нашла, до записи.
        </Typography.Paragraph>
        <Space wrap>
          <NewRoadmapButtons />
        </Space>
      </Step>
      <Card size="small" style={{ marginTop: 24, background: '#fafafa' }}>
        <Space align="start" size={16}>
          <ExperimentOutlined style={{ fontSize: 22, color: '#1677ff' }} />
          <div>
            <Typography.Paragraph style={{ marginTop: 0 }}>
              Сначала посмотреть, как всё устроено? Демонстрационный район — дорожные карты, школы, приказ, протокол и отметки исполнения —
              открывается из отдельного файла; ваша база при этом не меняется.
            </Typography.Paragraph>
            <Button disabled={!recent.data?.canSwitch} onClick={() => void switchTo(openDemo)}>
              Открыть демонстрационный район
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              Справка по ежедневной работе — клавиша F1 или «Файл» → «Справка». <a onClick={() => go('roadmaps')}>К списку дорожных карт</a>
            </Typography.Paragraph>
          </div>
        </Space>
      </Card>
    </div>
  );
}
