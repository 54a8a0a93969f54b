// The console's frame: ProLayout with the left menu (工作台, 登记, 管理 for administrators), the
// user's name, role and unit in the header, and logout. Pages load lazily.
import {
  ApartmentOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FormOutlined,
  LogoutOutlined,
  MessageOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Button, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Loading, RequireStaff, useLogout, useStaff } from './session.tsx';

const LoginPage = lazy(() => import('./pages/Login.tsx'));
const WorkbenchPage = lazy(() => import('./pages/Workbench.tsx'));
const RegisterPage = lazy(() => import('./pages/Register.tsx'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetail.tsx'));
const UsersPage = lazy(() => import('./admin/Users.tsx'));
const OrgsPage = lazy(() => import('./admin/Orgs.tsx'));
const LimitsPage = lazy(() => import('./admin/Limits.tsx'));
const SmsPage = lazy(() => import('./admin/SmsTemplates.tsx'));

/** Roles that register letters, visits and calls. */
const REGISTERS = new Set(['registrar']);

function menu(role: string) {
  const routes = [{ path: '/', name: '工作台', icon: <DashboardOutlined /> }];
  if (REGISTERS.has(role)) routes.push({ path: '/register', name: '登记', icon: <FormOutlined /> });
  const admin =
    role === 'admin'
      ? [
          {
            path: '/admin',
            name: '管理',
            icon: <SettingOutlined />,
            routes: [
              { path: '/admin/users', name: '用户', icon: <TeamOutlined /> },
              { path: '/admin/orgs', name: '行政区划与单位', icon: <ApartmentOutlined /> },
              { path: '/admin/limits', name: '办理期限', icon: <ClockCircleOutlined /> },
              { path: '/admin/sms', name: '短信模板', icon: <MessageOutlined /> },
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
  return (
    <ProLayout
      title="阳光信访 · 工作台"
      logo={false}
      layout="mix"
      fixSiderbar
      siderWidth={200}
      route={menu(me.role)}
      location={{ pathname: location.pathname }}
      token={{
        header: { colorBgHeader: '#a61616', colorHeaderTitle: '#fff', colorTextRightActionsItem: '#fff' },
      }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <Space key="who" size={8} style={{ color: '#fff' }} aria-label="当前用户">
          <Typography.Text strong style={{ color: '#fff' }}>
            {me.displayName}
          </Typography.Text>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {me.roleName}
          </Tag>
          <span>{me.unit?.name ?? me.jurisdiction?.name ?? ''}</span>
        </Space>,
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
          退出登录
        </Button>,
      ]}
    >
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<WorkbenchPage />} />
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/cases/:id" element={<CaseDetailPage />} />
          {me.role === 'admin' ? (
            <>
              <Route path="/admin" element={<Navigate to="/admin/users" replace />} />
              <Route path="/admin/users" element={<UsersPage />} />
              <Route path="/admin/orgs" element={<OrgsPage />} />
              <Route path="/admin/limits" element={<LimitsPage />} />
              <Route path="/admin/sms" element={<SmsPage />} />
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
