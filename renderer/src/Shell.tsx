/**
 * The app's frame: «Файл» and the menu on the left, the current screen on the right. A database opened
 * without an address opens on «Главная»; an empty one (no roadmaps, no schools) on the start page.
 */
import {
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  CheckSquareOutlined,
  DeleteOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  GlobalOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  SearchOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, ConfigProvider, Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { ExecutionPage } from './pages/ExecutionPage';
import { HomePage } from './pages/HomePage';
import { MeetingsPage } from './pages/MeetingsPage';
import { OrdersPage } from './pages/OrdersPage';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { PeoplePage } from './pages/PeoplePage';
import { RegionPage } from './pages/RegionPage';
import { ReportsPage } from './pages/ReportsPage';
import { RisksPage } from './pages/RisksPage';
import { RoadmapEditor } from './pages/RoadmapEditor';
import { RoadmapsPage } from './pages/RoadmapsPage';
import { SearchPage } from './pages/SearchPage';
import { SettingsPage } from './pages/SettingsPage';
import { StartPage } from './pages/StartPage';
import { TrashPage } from './pages/TrashPage';
import { WorkingGroupPage } from './pages/WorkingGroupPage';
import { TermUpgradeNotice } from './pages/TermUpgradeNotice';
import { call } from './api';
import { DemoBanner } from './databases';
import { FileMenu } from './FileMenu';
import { HelpDrawer } from './help';
import { useLoad } from './hooks';
import { go, useRoute } from './route';
import { UnsavedPrompt } from './unsaved';

const MENU = [
  { key: 'home', icon: <HomeOutlined />, label: 'Главная' },
  { key: 'roadmaps', icon: <NodeIndexOutlined />, label: 'Дорожные карты' },
  { key: 'deadlines', icon: <FieldTimeOutlined />, label: 'Сроки' },
  { key: 'execution', icon: <CheckSquareOutlined />, label: 'Исполнение' },
  { key: 'reports', icon: <TableOutlined />, label: 'Отчёты и формы' },
  { key: 'region', icon: <GlobalOutlined />, label: 'Свод по региону' },
  { key: 'risks', icon: <AlertOutlined />, label: 'Риски' },
  { key: 'meetings', icon: <AuditOutlined />, label: 'Заседания и протоколы' },
  { key: 'group', icon: <TeamOutlined />, label: 'Рабочая группа' },
  { key: 'orders', icon: <FileTextOutlined />, label: 'Приказы' },
  { key: 'organizations', icon: <BankOutlined />, label: 'Школы и организации' },
  { key: 'people', icon: <UserOutlined />, label: 'Люди' },
  { key: 'search', icon: <SearchOutlined />, label: 'Поиск' },
  { key: 'trash', icon: <DeleteOutlined />, label: 'Корзина' },
  { key: 'settings', icon: <SettingOutlined />, label: 'Настройки' },
];

/** A write-protected stick or a file without write rights: say so once, at the top of every screen. */
function ReadOnlyBanner() {
  const { data } = useLoad(() => call('app.info'), []);
  if (!data?.readOnly) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message="База открыта только для чтения"
      description={`Файл «${data.dbPath}» нельзя изменить (защищённый от записи диск или нет прав). Смотреть, искать и выгружать документы можно; изменения не сохраняются.`}
    />
  );
}

/** No address at all (a start, a switch of database): the place where the start page may be forced. */
const bareAddress = () => window.location.hash === '' || window.location.hash === '#/' || window.location.hash === '#';

export function Shell() {
  const route = useRoute();
  const steps = useLoad(() => call('app.firstSteps'), []);
  const bare = bareAddress();
  let page: ReactNode;
  const shown = bare && !steps.error ? (steps.data ? (steps.data.empty ? 'start' : 'home') : 'wait') : route.page;
  switch (shown) {
    case 'wait':
      // Until the database is known to be empty or not: neither the list nor the start page flashes by.
      page = null;
      break;
    case 'start':
      page = <StartPage />;
      break;
    case 'roadmaps':
      page = route.id ? <RoadmapEditor key={route.id} roadmapId={route.id} tab={route.sub} measureId={route.item} /> : <RoadmapsPage />;
      break;
    case 'home':
      page = <HomePage key={route.query.today ?? ''} query={route.query} />;
      break;
    case 'deadlines':
      // Keyed by the filter: a number of «Главная» opens the list anew with its filter.
      page = <DeadlinesPage key={JSON.stringify(route.query)} query={route.query} />;
      break;
    case 'execution':
      page = <ExecutionPage roadmapId={route.id} />;
      break;
    case 'meetings':
      page = <MeetingsPage meetingId={route.id} creating={route.sub === 'new'} decisionId={route.sub === 'decision' ? route.item : null} />;
      break;
    case 'reports':
      page = <ReportsPage />;
      break;
    case 'region':
      page = <RegionPage />;
      break;
    case 'risks':
      page = <RisksPage schoolId={route.id} />;
      break;
    case 'group':
      page = <WorkingGroupPage />;
      break;
    case 'orders':
      page = <OrdersPage orderId={route.id} creating={route.sub === 'new'} />;
      break;
    case 'organizations':
      page = <OrganizationsPage />;
      break;
    case 'people':
      page = <PeoplePage />;
      break;
    case 'search':
      page = <SearchPage />;
      break;
    case 'trash':
      page = <TrashPage />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    default:
      page = <RoadmapsPage />;
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* The menu scrolls on its own on a low screen (1093×614 at 125 %), so it never makes the page scroll. */}
      <Layout.Sider
        width={230}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0', height: '100vh', position: 'sticky', top: 0, overflowY: 'auto' }}
      >
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>
          Дорожные карты РМК
        </Typography.Title>
        <FileMenu />
        {/* Rows of 32 px: the whole menu fits a 614 px high window (1366×768 at 125 %) without a scrollbar of its own. */}
        <ConfigProvider theme={{ components: { Menu: { itemHeight: 32, itemMarginBlock: 2 } } }}>
          <Menu mode="inline" selectedKeys={[shown]} items={MENU} onClick={(e) => go(e.key)} style={{ borderInlineEnd: 'none' }} />
        </ConfigProvider>
      </Layout.Sider>
      <Layout.Content style={{ padding: 20, minWidth: 0 }}>
        <DemoBanner />
        <ReadOnlyBanner />
        <TermUpgradeNotice />
        {page}
      </Layout.Content>
      <UnsavedPrompt />
      <HelpDrawer />
    </Layout>
  );
}
