/** Says once, after the start, that a newer term reader re-read the stored terms and how many changed. */
import { App } from 'antd';
import { useEffect } from 'react';
import { call } from '../api';

let shown = false;

export function TermUpgradeNotice() {
  const { notification } = App.useApp();
  useEffect(() => {
    if (shown) return;
    shown = true;
    call('terms.parserInfo').then(
      // Only when some dates came out different: «перечитаны, ничего не изменилось» is noise.
      (info) =>
        info.upgrade &&
        info.upgrade.changed > 0 &&
        notification.info({ message: 'Сроки перечитаны', description: info.upgrade.message, duration: 12 }),
      () => {},
    );
  }, [notification]);
  return null;
}
