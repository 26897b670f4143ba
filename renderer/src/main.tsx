import { App as AntApp, ConfigProvider } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { createRoot } from 'react-dom/client';
import { Shell } from './Shell';

dayjs.locale('ru');

createRoot(document.getElementById('root')!).render(
  <ConfigProvider locale={ruRU} theme={{ token: { fontFamily: "'Segoe UI', 'Liberation Sans', Arial, sans-serif", borderRadius: 4 } }}>
    <AntApp>
      <Shell />
    </AntApp>
  </ConfigProvider>,
);
