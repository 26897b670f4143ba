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
