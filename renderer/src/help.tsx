/** The F1 help: a drawer over any screen, opened by F1 or «Файл» → «Справка», closed by Esc. */
import { Drawer, Table, Typography } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { HELP_SECTIONS, SHORTCUTS } from './help-text';

let shown = false;
const listeners = new Set<() => void>();
function setShown(v: boolean): void {
  shown = v;
  for (const l of listeners) l();
}

export const openHelp = (): void => setShown(true);

export function HelpDrawer() {
  const open = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    () => shown,
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F1') return;
      // The browser's own F1 (its help page in a new tab) would take the user out of the app.
      e.preventDefault();
      openHelp();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Drawer open={open} onClose={() => setShown(false)} title="Справка" size={520} rootClassName="help-drawer" zIndex={1500}>
      {HELP_SECTIONS.map((s) => (
        <section key={s.title}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          {s.paragraphs.map((p) => (
            <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
          ))}
        </section>
      ))}
      <Typography.Title level={5}>Клавиши</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r[0]}
        dataSource={SHORTCUTS}
        columns={[
          { title: 'Клавиша', width: 170, render: (_, r) => <Typography.Text keyboard>{r[0]}</Typography.Text> },
          { title: 'Что делает', render: (_, r) => r[1] },
        ]}
      />
    </Drawer>
  );
}
