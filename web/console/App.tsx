// The console's frame: ProLayout with the left menu (工作台, 登记, 管理 for administrators), the
// user's name, role and unit in the header, and logout. Pages load lazily.
import {
  AlertOutlined,
  ApartmentOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  MonitorOutlined,
  NotificationOutlined,
  PartitionOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  SnippetsOutlined,
  TagsOutlined,
  TeamOutlined,
  TrophyOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Button, Select, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LANGS, type Lang, setLang } from '../shared/i18n.ts';
import { PageBoundary } from '../shared/PageBoundary.tsx';
import type { Abilities } from '../shared/types.ts';
import { InboxBell } from './inbox/Bell.tsx';
import { Loading, RequireStaff, useLogout, useStaff } from './session.tsx';

const LoginPage = lazy(() => import('./pages/Login.tsx'));
const WorkbenchPage = lazy(() => import('./pages/Workbench.tsx'));
const RegisterPage = lazy(() => import('./pages/Register.tsx'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetail.tsx'));
const UsersPage = lazy(() => import('./admin/Users.tsx'));
const OrgsPage = lazy(() => import('./admin/Orgs.tsx'));
const LimitsPage = lazy(() => import('./admin/Limits.tsx'));
const SmsPage = lazy(() => import('./admin/SmsTemplates.tsx'));
const LegalChannelsPage = lazy(() => import('./admin/LegalChannels.tsx'));
const CategoriesPage = lazy(() => import('./admin/Categories.tsx'));
const HolidaysPage = lazy(() => import('./admin/Holidays.tsx'));
const ApiKeysPage = lazy(() => import('./admin/ApiKeys.tsx'));
const KioskTokensPage = lazy(() => import('./admin/KioskTokens.tsx'));
const WebhooksPage = lazy(() => import('./admin/Webhooks.tsx'));
const ReportsPage = lazy(() => import('./reports/Reports.tsx'));
const BulletinsPage = lazy(() => import('./bulletins/Bulletins.tsx'));
const AnalyticsPage = lazy(() => import('./analytics/Analytics.tsx'));
const WarningsPage = lazy(() => import('./warnings/Warnings.tsx'));
const SpecialPeriodsPage = lazy(() => import('./warnings/SpecialPeriods.tsx'));
const AuditLogPage = lazy(() => import('./admin/AuditLog.tsx'));
const ChangePasswordPage = lazy(() => import('./admin/ChangePassword.tsx'));
const BacklogPage = lazy(() => import('./backlog/Ledger.tsx'));
const BacklogDetailPage = lazy(() => import('./backlog/Detail.tsx'));
const CampaignsPage = lazy(() => import('./campaigns/Campaigns.tsx'));
const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetail.tsx'));
const ProjectsPage = lazy(() => import('./projects/Projects.tsx'));
const ProjectDetailPage = lazy(() => import('./projects/ProjectDetail.tsx'));
const MonitoringPage = lazy(() => import('./monitoring/Daily.tsx'));
const DispatchPage = lazy(() => import('./dispatch/Dispatch.tsx'));
const MyTasksPage = lazy(() => import('./dispatch/MyTasks.tsx'));
const SupervisionPage = lazy(() => import('./supervision/List.tsx'));
const SupervisionDetailPage = lazy(() => import('./supervision/Detail.tsx'));
const AssessmentPage = lazy(() => import('./assessment/Assessment.tsx'));
const UnitHistoryPage = lazy(() => import('./assessment/UnitHistory.tsx'));
const ReceptionsPage = lazy(() => import('./receptions/Receptions.tsx'));
const ReceptionDetailPage = lazy(() => import('./receptions/Detail.tsx'));
const CardsPage = lazy(() => import('./cards/Cards.tsx'));
const CardDetailPage = lazy(() => import('./cards/CardDetail.tsx'));
const VideoRoomsPage = lazy(() => import('./video/Rooms.tsx'));
const VideoRoomPage = lazy(() => import('./video/Room.tsx'));
const HallCounterPage = lazy(() => import('./hall/Counter.tsx'));
const HallDisplayPage = lazy(() => import('./hall/Display.tsx'));
const MediationPage = lazy(() => import('./mediation/Mediation.tsx'));
const MediationReferralPage = lazy(() => import('./mediation/ReferralDetail.tsx'));
const ExpertsPage = lazy(() => import('./experts/Experts.tsx'));
const LinkagePage = lazy(() => import('./linkage/Linkage.tsx'));
const LinkageReferralPage = lazy(() => import('./linkage/ReferralDetail.tsx'));
const ReliefPage = lazy(() => import('./relief/Relief.tsx'));
const ReliefDetailPage = lazy(() => import('./relief/ReliefDetail.tsx'));
const SanwuPage = lazy(() => import('./sanwu/Sanwu.tsx'));
const CaseSearchPage = lazy(() => import('./casesearch/CaseSearch.tsx'));
const SynonymsPage = lazy(() => import('./casesearch/Synonyms.tsx'));
const InboxPage = lazy(() => import('./inbox/Inbox.tsx'));
const InboxPreferencesPage = lazy(() => import('./inbox/Preferences.tsx'));
const CannedRepliesPage = lazy(() => import('./cannedReplies/CannedReplies.tsx'));

// Menu names are the Chinese text; t() gives the English when the console is switched (en.ts).
function menu(can: Abilities, t: TFunction) {
  // An auditor works on the audit log only (reads no matters: policies casePolicy.staffReader).
  if (!can.matters)
    return {
      path: '/',
      routes: can.audit ? [{ path: '/audit', name: t('审计日志'), icon: <FileSearchOutlined /> }] : [],
    };
  type Entry = { path: string; name: string; icon: React.ReactNode; routes?: Entry[] };
  const item = (on: boolean, path: string, name: string, icon: React.ReactNode): Entry[] =>
    on ? [{ path, name: t(name), icon }] : [];
  // Groups in the menu (shown as headings, their entries always visible); an empty group is left out.
  // A group's icon is aria-hidden: the title sits directly in role=menu, where an img is not allowed.
  const group = (path: string, name: string, icon: React.ReactNode, entries: Entry[]): Entry[] =>
    entries.length > 0 ? [{ path, name: t(name), icon, routes: entries }] : [];
  const routes: Entry[] = [
    ...item(true, '/', '工作台', <DashboardOutlined />),
    ...item(can.dispatchTasks, '/tasks', '我的待办', <CarryOutOutlined />),
    ...item(true, '/search', '案件查询', <FileSearchOutlined />),
    ...item(true, '/inbox', '我的消息', <BellOutlined />),
    ...item(can.cannedReplies, '/canned-replies', '常用语', <SnippetsOutlined />),
    ...item(can.register, '/register', '登记', <FormOutlined />),
    ...group('/group/reception', '接待', <CalendarOutlined aria-hidden />, [
      ...item(can.receptions, '/receptions', '领导接访', <CalendarOutlined />),
      ...item(can.videoReception, '/video', '视频接访', <VideoCameraOutlined />),
      ...item(can.hallCounter, '/hall', '接待大厅', <ShopOutlined />),
      ...item(can.rightsCards, '/cards', '权益保障卡', <IdcardOutlined />),
    ]),
    ...group('/group/resolution', '化解', <ReconciliationOutlined aria-hidden />, [
      ...item(can.backlog, '/backlog', '积案化解', <ReconciliationOutlined />),
      ...item(can.mediation, '/mediation', '访调对接', <AuditOutlined />),
      ...item(can.experts, '/experts', '专家库', <TeamOutlined />),
      // 部门联动 and 信访救助 are the petition bureaus' desks (linkagePolicy.desk); a member unit answers a
      // referral from the matter's page (its 部门联动 card), whose route `linkage` lets it open.
      ...item(can.linkageDesk, '/linkage', '部门联动', <PartitionOutlined />),
      ...item(can.linkageDesk, '/relief', '信访救助', <MoneyCollectOutlined />),
      ...item(can.campaigns, '/campaigns', '专项行动', <FlagOutlined />),
      ...item(can.projects, '/projects', '重点工作', <ProjectOutlined />),
    ]),
    ...group('/group/oversight', '督查考核', <FileProtectOutlined aria-hidden />, [
      ...item(can.monitoring, '/monitoring', '日监测', <MonitorOutlined />),
      ...item(can.dispatch, '/dispatch', '周调度', <ScheduleOutlined />),
      ...item(can.supervision, '/supervision', '督查督办', <FileProtectOutlined />),
      ...item(can.assessment, '/assessment', '责任落实', <TrophyOutlined />),
      ...item(can.sanwu, '/sanwu', '三无县评定', <TrophyOutlined />),
      ...item(can.reports, '/bulletins', '通报', <NotificationOutlined />),
    ]),
    ...group('/group/analysis', '分析', <AreaChartOutlined aria-hidden />, [
      ...item(can.analytics, '/analytics', '数据分析', <AreaChartOutlined />),
      ...item(can.analytics, '/warnings', '预警', <AlertOutlined />),
      ...item(can.reports, '/reports', '专报', <FileTextOutlined />),
      ...item(can.audit, '/audit', '审计日志', <FileSearchOutlined />),
    ]),
  ];
  const admin = can.administration
    ? [
        {
          path: '/admin',
          name: t('管理'),
          icon: <SettingOutlined aria-hidden />,
          routes: [
            { path: '/admin/users', name: t('用户'), icon: <TeamOutlined /> },
            { path: '/admin/orgs', name: t('行政区划与单位'), icon: <ApartmentOutlined /> },
            { path: '/admin/categories', name: t('分类'), icon: <TagsOutlined /> },
            { path: '/admin/limits', name: t('办理期限'), icon: <ClockCircleOutlined /> },
            { path: '/admin/holidays', name: t('节假日'), icon: <CalendarOutlined /> },
            { path: '/admin/sms', name: t('短信模板'), icon: <MessageOutlined /> },
            { path: '/admin/legal-channels', name: t('法定途径清单'), icon: <AuditOutlined /> },
            { path: '/admin/synonyms', name: t('检索同义词'), icon: <FileSearchOutlined /> },
            { path: '/admin/special-periods', name: t('保障期'), icon: <SafetyOutlined /> },
            { path: '/admin/api-keys', name: t('接口密钥'), icon: <KeyOutlined /> },
            { path: '/admin/kiosk', name: t('大屏展示令牌'), icon: <FundProjectionScreenOutlined /> },
            { path: '/admin/webhooks', name: t('事件推送'), icon: <SendOutlined /> },
          ],
        },
      ]
    : [];
  return { path: '/', routes: [...routes, ...admin] };
}

function Shell() {
  const me = useStaff();
  const can = me.abilities;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { t, i18n } = useTranslation();
  return (
    <ProLayout
      title={`${t('阳光信访')} · ${t('工作台')}`}
      logo={false}
      layout="mix"
      fixSiderbar
      menu={{ type: 'group' }}
      siderWidth={200}
      route={menu(can, t)}
      location={{ pathname: location.pathname }}
      ErrorBoundary={false}
      token={{
        header: { colorBgHeader: '#a61616', colorHeaderTitle: '#fff', colorTextRightActionsItem: '#fff' },
      }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <InboxBell key="inbox" />,
        <Select
          key="lang"
          aria-label={t('语言')}
          size="small"
          variant="borderless"
          value={i18n.language as Lang}
          options={LANGS}
          onChange={(v) => void setLang(v)}
          style={{ width: 92 }}
          className="xf-lang"
          popupMatchSelectWidth={false}
        />,
        <Space key="who" size={8} style={{ color: '#fff' }} aria-label={t('当前用户')}>
          <Typography.Text strong style={{ color: '#fff' }}>
            {me.displayName}
          </Typography.Text>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t(me.roleName)}
          </Tag>
          <span>{me.unit?.name ?? me.jurisdiction?.name ?? ''}</span>
        </Space>,
        <Button key="password" type="text" style={{ color: '#fff' }} onClick={() => navigate('/password')}>
          {t('修改密码')}
        </Button>,
        <Button
          key="logout"
          type="text"
          icon={<LogoutOutlined />}
          style={{ color: '#fff' }}
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {t('退出登录')}
        </Button>,
      ]}
    >
      <PageBoundary>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route
              path="/"
              element={
                can.matters ? <WorkbenchPage /> : <Navigate to={can.audit ? '/audit' : '/inbox'} replace />
              }
            />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/password" element={<ChangePasswordPage me={me} />} />
            <Route path="/cases/:id" element={<CaseDetailPage />} />
            <Route path="/search" element={<CaseSearchPage />} />
            {can.backlog ? <Route path="/backlog" element={<BacklogPage />} /> : null}
            {can.backlog ? <Route path="/backlog/:id" element={<BacklogDetailPage />} /> : null}
            {can.campaigns ? <Route path="/campaigns" element={<CampaignsPage />} /> : null}
            {can.campaigns ? <Route path="/campaigns/:id" element={<CampaignDetailPage />} /> : null}
            {can.projects ? <Route path="/projects" element={<ProjectsPage />} /> : null}
            {can.projects ? <Route path="/projects/:id" element={<ProjectDetailPage />} /> : null}
            {can.supervision ? <Route path="/supervision" element={<SupervisionPage />} /> : null}
            {can.assessment ? <Route path="/assessment" element={<AssessmentPage />} /> : null}
            {can.assessmentUnitHistory ? (
              <Route path="/assessment/units/:id" element={<UnitHistoryPage />} />
            ) : null}
            {can.supervision ? <Route path="/supervision/:id" element={<SupervisionDetailPage />} /> : null}
            {can.videoReception ? <Route path="/video" element={<VideoRoomsPage />} /> : null}
            {can.hallCounter ? <Route path="/hall" element={<HallCounterPage />} /> : null}
            {can.hallDisplay ? <Route path="/hall/display" element={<HallDisplayPage />} /> : null}
            {can.videoReception ? <Route path="/video/:id" element={<VideoRoomPage />} /> : null}
            {can.mediation ? <Route path="/mediation" element={<MediationPage />} /> : null}
            {can.mediation ? (
              <Route path="/mediation/referrals/:id" element={<MediationReferralPage />} />
            ) : null}
            {can.experts ? <Route path="/experts" element={<ExpertsPage />} /> : null}
            {can.linkage ? <Route path="/linkage" element={<LinkagePage />} /> : null}
            {can.linkage ? <Route path="/linkage/referrals/:id" element={<LinkageReferralPage />} /> : null}
            {can.linkage ? <Route path="/relief" element={<ReliefPage />} /> : null}
            {can.linkage ? <Route path="/relief/:id" element={<ReliefDetailPage />} /> : null}
            {can.sanwu ? <Route path="/sanwu" element={<SanwuPage />} /> : null}
            {can.reports ? <Route path="/reports" element={<ReportsPage />} /> : null}
            {can.monitoring ? <Route path="/monitoring" element={<MonitoringPage />} /> : null}
            {can.dispatch ? <Route path="/dispatch" element={<DispatchPage />} /> : null}
            {can.receptions ? (
              <>
                <Route path="/receptions" element={<ReceptionsPage />} />
                <Route path="/receptions/:id" element={<ReceptionDetailPage />} />
              </>
            ) : null}
            {can.rightsCards ? (
              <>
                <Route path="/cards" element={<CardsPage />} />
                <Route path="/cards/:no" element={<CardDetailPage />} />
              </>
            ) : null}
            {can.dispatchTasks ? <Route path="/tasks" element={<MyTasksPage />} /> : null}
            <Route path="/inbox" element={<InboxPage />} />
            <Route path="/inbox/preferences" element={<InboxPreferencesPage />} />
            {can.cannedReplies ? <Route path="/canned-replies" element={<CannedRepliesPage />} /> : null}
            {can.reports ? <Route path="/bulletins" element={<BulletinsPage />} /> : null}
            {can.analytics ? <Route path="/analytics" element={<AnalyticsPage />} /> : null}
            {can.analytics ? <Route path="/warnings" element={<WarningsPage />} /> : null}
            {can.audit ? <Route path="/audit" element={<AuditLogPage />} /> : null}
            {can.administration ? (
              <>
                <Route path="/admin" element={<Navigate to="/admin/users" replace />} />
                <Route path="/admin/users" element={<UsersPage />} />
                <Route path="/admin/orgs" element={<OrgsPage />} />
                <Route path="/admin/limits" element={<LimitsPage />} />
                <Route path="/admin/sms" element={<SmsPage />} />
                <Route path="/admin/legal-channels" element={<LegalChannelsPage />} />
                <Route path="/admin/synonyms" element={<SynonymsPage />} />
                <Route path="/admin/categories" element={<CategoriesPage />} />
                <Route path="/admin/holidays" element={<HolidaysPage />} />
                <Route path="/admin/api-keys" element={<ApiKeysPage />} />
                <Route path="/admin/kiosk" element={<KioskTokensPage />} />
                <Route path="/admin/webhooks" element={<WebhooksPage />} />
                <Route path="/admin/special-periods" element={<SpecialPeriodsPage />} />
              </>
            ) : null}
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </PageBoundary>
    </ProLayout>
  );
}

export function ConsoleApp() {
  return (
    <BrowserRouter basename="/console">
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/*"
            element={
              <RequireStaff>
                <Shell />
              </RequireStaff>
            }
          />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
