/** Whether a year's target is met, as a coloured tag that says it in words too (never colour alone). */
import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { ACHIEVEMENT_LABELS, type Achievement } from '../../../../shared/labels';

const LOOK: Record<Achievement, { color: string; icon: React.ReactNode }> = {
  met: { color: 'green', icon: <CheckCircleOutlined /> },
  not_met: { color: 'red', icon: <CloseCircleOutlined /> },
  no_data: { color: 'default', icon: <MinusCircleOutlined /> },
};

export function AchievementTag({ value }: { value: Achievement }) {
  return (
    <Tag color={LOOK[value].color} icon={LOOK[value].icon} data-testid="achievement" style={{ marginInlineEnd: 0 }}>
      {ACHIEVEMENT_LABELS[value]}
    </Tag>
  );
}

/** Hidden on screen, read by screen readers (and by tests): the figures behind a chart. */
export const visuallyHidden: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
