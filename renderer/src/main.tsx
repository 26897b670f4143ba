import { App as AntApp, ConfigProvider } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { createRoot } from 'react-dom/client';
import { call } from './api';
import { DateTypingCheck } from './date-check';
import { Shell } from './Shell';

dayjs.locale('ru');

// The version in the window title (Electron shows the page's title) and in the browser tab, so that a
// methodist reporting a problem can say which version it is.
void call('app.info').then(
  (info) => (document.title = `Дорожные карты РМК ${info.version}`),
  () => {},
);

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={ruRU} theme={{ token: { fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif", borderRadius: 4 } }}>
    <AntApp>
      <DateTypingCheck />
      <Shell />
    </AntApp>
  </ConfigProvider>,
);
