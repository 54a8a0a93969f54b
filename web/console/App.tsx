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
import { seesAnalytics } from './analytics/access.ts';
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

/** Who registers letters, visits and calls (policies casePolicy.register): a bureau's registrars, and
 *  a department's registrars and handlers for the petitions sent straight to it. */
const registers = (me: { role: string; unit: { kind: string } | null }) =>
  me.unit?.kind === 'department' ? ['registrar', 'handler'].includes(me.role) : me.role === 'registrar';
/** Roles that draft and issue the monthly special report (专报). */
const REPORTERS = new Set(['analyst', 'leader', 'admin']);
/** Roles that see backlog matters (policies/backlog.ts backlogPolicy.use). */
const BACKLOG = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin']);
/** Roles that may own a 周调度 decision, so have a 我的待办 (policies/dispatch.ts OWNER_ROLES): not
 *  administrators and auditors, who hold no decisions. */
const TASK_OWNERS = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst']);
/** Bureau roles that see 日监测 and 周调度 (policies/monitoring.ts, policies/dispatch.ts). */
const MONITORS = new Set(['registrar', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin']);
const monitors = (role: string, unitKind?: string) => MONITORS.has(role) && unitKind === 'bureau';
/** Bureau roles that read 责任落实 (policies/assessment.ts assessmentPolicy.use). */
const ASSESSORS = new Set(['reviewer', 'supervisor', 'leader', 'analyst', 'admin']);
const assesses = (role: string, unitKind?: string) => ASSESSORS.has(role) && unitKind === 'bureau';
/** Bureau roles of 领导接访 and 权益保障卡 (policies/receptions.ts receptionPolicy.use, cardPolicy.list). */
const RECEIVERS = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin']);
const receives = (role: string, unitKind?: string) => RECEIVERS.has(role) && unitKind === 'bureau';
/** Roles that search the audit log (policies.auditPolicy.search). */
const AUDITORS = new Set(['admin', 'auditor']);
/** 视频接访 and the hall: petition-bureau staff (src/policies/video.ts, src/policies/hall.ts). */
/** The hall's counter (src/policies/hall.ts): staff who receive visitors. */
const HALL = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader']);
const VIDEO = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin']);
/** 常用语: staff who write replies and notes (src/policies/cannedReplies.ts). */
const WRITERS = new Set(['registrar', 'handler', 'reviewer', 'supervisor', 'leader']);

// Menu names are the Chinese text; t() gives the English when the console is switched (en.ts).
function menu(role: string, t: TFunction, analytics = false, register = false, unitKind?: string) {
  // An auditor works on the audit log only (no matters in its scope: policies.caseScope).
  if (role === 'auditor')
    return { path: '/', routes: [{ path: '/audit', name: t('审计日志'), icon: <FileSearchOutlined /> }] };
  type Entry = { path: string; name: string; icon: React.ReactNode; routes?: Entry[] };
  const item = (on: boolean, path: string, name: string, icon: React.ReactNode): Entry[] =>
    on ? [{ path, name: t(name), icon }] : [];
  // Groups in the menu (shown as headings, their entries always visible); an empty group is left out.
  // A group's icon is aria-hidden: the title sits directly in role=menu, where an img is not allowed.
  const group = (path: string, name: string, icon: React.ReactNode, entries: Entry[]): Entry[] =>
    entries.length > 0 ? [{ path, name: t(name), icon, routes: entries }] : [];
  const bureau = unitKind === 'bureau';
  const routes: Entry[] = [
    ...item(true, '/', '工作台', <DashboardOutlined />),
    ...item(TASK_OWNERS.has(role), '/tasks', '我的待办', <CarryOutOutlined />),
    ...item(true, '/search', '案件查询', <FileSearchOutlined />),
    ...item(true, '/inbox', '我的消息', <BellOutlined />),
    ...item(WRITERS.has(role), '/canned-replies', '常用语', <SnippetsOutlined />),
    ...item(register, '/register', '登记', <FormOutlined />),
    ...group('/group/reception', '接待', <CalendarOutlined aria-hidden />, [
      ...item(receives(role, unitKind), '/receptions', '领导接访', <CalendarOutlined />),
      ...item(VIDEO.has(role) && bureau, '/video', '视频接访', <VideoCameraOutlined />),
      ...item(HALL.has(role) && bureau, '/hall', '接待大厅', <ShopOutlined />),
      ...item(receives(role, unitKind), '/cards', '权益保障卡', <IdcardOutlined />),
    ]),
    ...group('/group/resolution', '化解', <ReconciliationOutlined aria-hidden />, [
      ...item(BACKLOG.has(role), '/backlog', '积案化解', <ReconciliationOutlined />),
      ...item(BACKLOG.has(role), '/mediation', '访调对接', <AuditOutlined />),
      ...item(BACKLOG.has(role) && bureau, '/experts', '专家库', <TeamOutlined />),
      // 部门联动 and 信访救助 are the petition bureaus' (policies/linkage.ts: referrals and applications
      // are made by bureau staff); a member unit answers a referral from the matter's page (its 部门联动 card).
      ...item(BACKLOG.has(role) && bureau, '/linkage', '部门联动', <PartitionOutlined />),
      ...item(BACKLOG.has(role) && bureau, '/relief', '信访救助', <MoneyCollectOutlined />),
      ...item(BACKLOG.has(role), '/campaigns', '专项行动', <FlagOutlined />),
      ...item(BACKLOG.has(role), '/projects', '重点工作', <ProjectOutlined />),
    ]),
    ...group('/group/oversight', '督查考核', <FileProtectOutlined aria-hidden />, [
      ...item(monitors(role, unitKind), '/monitoring', '日监测', <MonitorOutlined />),
      ...item(monitors(role, unitKind), '/dispatch', '周调度', <ScheduleOutlined />),
      ...item(BACKLOG.has(role), '/supervision', '督查督办', <FileProtectOutlined />),
      ...item(assesses(role, unitKind), '/assessment', '责任落实', <TrophyOutlined />),
      ...item(BACKLOG.has(role) && bureau, '/sanwu', '三无县评定', <TrophyOutlined />),
      ...item(REPORTERS.has(role), '/bulletins', '通报', <NotificationOutlined />),
    ]),
    ...group('/group/analysis', '分析', <AreaChartOutlined aria-hidden />, [
      ...item(analytics, '/analytics', '数据分析', <AreaChartOutlined />),
      ...item(analytics, '/warnings', '预警', <AlertOutlined />),
      ...item(REPORTERS.has(role), '/reports', '专报', <FileTextOutlined />),
      ...item(AUDITORS.has(role), '/audit', '审计日志', <FileSearchOutlined />),
    ]),
  ];
  const admin =
    role === 'admin'
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
      route={menu(me.role, t, seesAnalytics(me), registers(me), me.unit?.kind)}
      location={{ pathname: location.pathname }}
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
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route
            path="/"
            element={me.role === 'auditor' ? <Navigate to="/audit" replace /> : <WorkbenchPage />}
          />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/password" element={<ChangePasswordPage me={me} />} />
          <Route path="/cases/:id" element={<CaseDetailPage />} />
          <Route path="/search" element={<CaseSearchPage />} />
          {BACKLOG.has(me.role) ? <Route path="/backlog" element={<BacklogPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/backlog/:id" element={<BacklogDetailPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/campaigns" element={<CampaignsPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/campaigns/:id" element={<CampaignDetailPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/projects" element={<ProjectsPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/projects/:id" element={<ProjectDetailPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/supervision" element={<SupervisionPage />} /> : null}
          {assesses(me.role, me.unit?.kind) ? (
            <Route path="/assessment" element={<AssessmentPage />} />
          ) : null}
          {BACKLOG.has(me.role) ? <Route path="/assessment/units/:id" element={<UnitHistoryPage />} /> : null}
          {BACKLOG.has(me.role) ? (
            <Route path="/supervision/:id" element={<SupervisionDetailPage />} />
          ) : null}
          {VIDEO.has(me.role) ? <Route path="/video" element={<VideoRoomsPage />} /> : null}
          {HALL.has(me.role) ? <Route path="/hall" element={<HallCounterPage />} /> : null}
          {VIDEO.has(me.role) ? <Route path="/hall/display" element={<HallDisplayPage />} /> : null}
          {VIDEO.has(me.role) ? <Route path="/video/:id" element={<VideoRoomPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/mediation" element={<MediationPage />} /> : null}
          {BACKLOG.has(me.role) ? (
            <Route path="/mediation/referrals/:id" element={<MediationReferralPage />} />
          ) : null}
          {BACKLOG.has(me.role) && me.unit?.kind === 'bureau' ? (
            <Route path="/experts" element={<ExpertsPage />} />
          ) : null}
          {BACKLOG.has(me.role) ? <Route path="/linkage" element={<LinkagePage />} /> : null}
          {BACKLOG.has(me.role) ? (
            <Route path="/linkage/referrals/:id" element={<LinkageReferralPage />} />
          ) : null}
          {BACKLOG.has(me.role) ? <Route path="/relief" element={<ReliefPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/relief/:id" element={<ReliefDetailPage />} /> : null}
          {BACKLOG.has(me.role) ? <Route path="/sanwu" element={<SanwuPage />} /> : null}
          {REPORTERS.has(me.role) ? <Route path="/reports" element={<ReportsPage />} /> : null}
          {monitors(me.role, me.unit?.kind) ? (
            <Route path="/monitoring" element={<MonitoringPage />} />
          ) : null}
          {monitors(me.role, me.unit?.kind) ? <Route path="/dispatch" element={<DispatchPage />} /> : null}
          {receives(me.role, me.unit?.kind) ? (
            <>
              <Route path="/receptions" element={<ReceptionsPage />} />
              <Route path="/receptions/:id" element={<ReceptionDetailPage />} />
              <Route path="/cards" element={<CardsPage />} />
              <Route path="/cards/:no" element={<CardDetailPage />} />
            </>
          ) : null}
          {TASK_OWNERS.has(me.role) ? <Route path="/tasks" element={<MyTasksPage />} /> : null}
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/inbox/preferences" element={<InboxPreferencesPage />} />
          {WRITERS.has(me.role) ? <Route path="/canned-replies" element={<CannedRepliesPage />} /> : null}
          {REPORTERS.has(me.role) ? <Route path="/bulletins" element={<BulletinsPage />} /> : null}
          {seesAnalytics(me) ? <Route path="/analytics" element={<AnalyticsPage />} /> : null}
          {seesAnalytics(me) ? <Route path="/warnings" element={<WarningsPage />} /> : null}
          {AUDITORS.has(me.role) ? <Route path="/audit" element={<AuditLogPage />} /> : null}
          {me.role === 'admin' ? (
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
