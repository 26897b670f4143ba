/**
 * «Файл»: the start page's steps, «Открыть другую базу…», the recently opened databases (a vanished
 * file greyed out, «файл не найден»), the demo district or the way back from it, and «Справка».
 */
import { DownOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { call } from './api';
import { OpenPathDialog, openDemo, openPath, returnHome, useSwitch } from './databases';
import { openHelp } from './help';
import { useLoad } from './hooks';
import { go } from './route';
import { confirmLeave } from './unsaved';

export function FileMenu() {
  const [version, setVersion] = useState(0);
  const recent = useLoad(() => call('app.recentDatabases'), [version]);
  const info = useLoad(() => call('app.info'), []);
  const switchTo = useSwitch();
  const [typing, setTyping] = useState(false);
  const canSwitch = recent.data?.canSwitch ?? false;

  const pickAndOpen = async () => {
    const picked = await call('app.pickDatabase');
    return picked.cancelled ? false : openPath(picked.path);
  };
  const items: MenuProps['items'] = [
    { key: 'start', label: 'Первые шаги' },
    { type: 'divider' },
    { key: 'open', label: 'Открыть другую базу…', disabled: !canSwitch },
    {
      type: 'group',
      key: 'recent',
      label: 'Недавние базы',
      children: (recent.data?.items ?? []).length
        ? recent.data!.items.map((r) => ({
            key: `recent:${r.path}`,
            disabled: !r.exists || r.current,
            title: r.path,
            label: (
              <span data-testid="recent-database">
                {r.name}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                  {!r.exists ? 'файл не найден' : r.current ? 'открыта' : r.path}
                </Typography.Text>
              </span>
            ),
          }))
        : [{ key: 'none', disabled: true, label: 'пока нет' }],
    },
    { type: 'divider' },
    info.data?.demo
      ? { key: 'home', label: 'Вернуться к своей базе' }
      : { key: 'demo', label: 'Открыть демонстрационный район', disabled: !canSwitch },
    { type: 'divider' },
    { key: 'help', label: 'Справка (F1)' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'start') go('start');
    else if (key === 'help') openHelp();
    else if (key === 'demo') void switchTo(openDemo);
    else if (key === 'home') void switchTo(returnHome);
    else if (key === 'open') {
      if (recent.data?.canPick) void switchTo(pickAndOpen);
      // Asked before the path is typed, not after: the question belongs to leaving the form.
      else void confirmLeave().then((ok) => ok && setTyping(true));
    } else if (key.startsWith('recent:')) void switchTo(() => openPath(key.slice('recent:'.length)));
  };
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick }} onOpenChange={(open) => open && setVersion((v) => v + 1)}>
        <Button size="small" icon={<FolderOpenOutlined />} style={{ margin: '0 16px 8px' }}>
          Файл <DownOutlined />
        </Button>
      </Dropdown>
      {typing && <OpenPathDialog onClose={() => setTyping(false)} />}
    </>
  );
}
