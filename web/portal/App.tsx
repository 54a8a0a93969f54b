// The citizen portal (信访人门户) at /portal/: header, bottom tab bar, lazily loaded pages.
import {
  CalendarOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  IdcardOutlined,
  ProfileOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Button, Select } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, NavLink, Route, Routes, useNavigate } from 'react-router';
import { LANGS, type Lang, setLang } from '../shared/i18n.ts';
import { PageBoundary } from '../shared/PageBoundary.tsx';
import { LargeTextTheme, LargeTextToggle } from './largeText.tsx';
import { Loading, RequireLogin, useLogout, useMe } from './session.tsx';

const LoginPage = lazy(() => import('./pages/Login.tsx'));
const ProfilePage = lazy(() => import('./pages/Profile.tsx'));
const SubmitPage = lazy(() => import('./pages/Submit.tsx'));
const CasesPage = lazy(() => import('./pages/Cases.tsx'));
const CaseDetailPage = lazy(() => import('./pages/CaseDetail.tsx'));
const QueryPage = lazy(() => import('./pages/Query.tsx'));
const ReceptionsPage = lazy(() => import('./pages/Receptions.tsx'));
const MyCardsPage = lazy(() => import('./pages/MyCards.tsx'));
const CardScanPage = lazy(() => import('./pages/CardScan.tsx'));
const VideoListPage = lazy(() => import('./pages/Video.tsx').then((m) => ({ default: m.VideoListPage })));
const VideoRoomPage = lazy(() => import('./pages/Video.tsx'));

function Header() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <header className="xf-header">
      <h1>
        <Link to="/">{t('阳光信访')}</Link>
      </h1>
      <Select
        aria-label={t('语言')}
        size="small"
        variant="borderless"
        value={i18n.language as Lang}
        options={LANGS}
        onChange={(v) => void setLang(v)}
        style={{ width: 92 }}
        popupMatchSelectWidth={false}
      />
      <LargeTextToggle />
      {me.data ? (
        <Button
          type="text"
          size="small"
          onClick={async () => {
            await logout();
            navigate('/login');
          }}
        >
          {t('退出登录')}
        </Button>
      ) : null}
    </header>
  );
}

function Nav() {
  const { t } = useTranslation();
  const items = [
    { to: '/submit', label: t('我要信访'), icon: <FileAddOutlined aria-hidden /> },
    { to: '/cases', label: t('我的信访'), icon: <ProfileOutlined aria-hidden /> },
    { to: '/receptions', label: t('领导接访'), icon: <CalendarOutlined aria-hidden /> },
    { to: '/card', label: t('权益卡'), icon: <IdcardOutlined aria-hidden /> },
    { to: '/video', label: t('视频接访'), icon: <VideoCameraOutlined aria-hidden /> },
    { to: '/query', label: t('进度查询'), icon: <FileSearchOutlined aria-hidden /> },
    { to: '/profile', label: t('实名信息'), icon: <UserOutlined aria-hidden /> },
  ];
  return (
    <nav className="xf-nav" aria-label={t('主导航')}>
      {items.map((i) => (
        <NavLink key={i.to} to={i.to} className={({ isActive }) => (isActive ? 'active' : '')}>
          {i.icon}
          <span>{i.label}</span>
        </NavLink>
      ))}
    </nav>
  );
}

export function PortalApp() {
  return (
    <BrowserRouter basename="/portal">
      <LargeTextTheme>
        <Header />
        <Nav />
        <main className="xf-main">
          <PageBoundary>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Navigate to="/cases" replace />} />
                <Route path="/login" element={<LoginPage />} />
                <Route path="/query" element={<QueryPage />} />
                <Route path="/receptions" element={<ReceptionsPage />} />
                <Route path="/card/:no" element={<CardScanPage />} />
                <Route
                  path="/card"
                  element={
                    <RequireLogin>
                      <MyCardsPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/profile"
                  element={
                    <RequireLogin>
                      <ProfilePage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/submit"
                  element={
                    <RequireLogin>
                      <SubmitPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/cases"
                  element={
                    <RequireLogin>
                      <CasesPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/cases/:id"
                  element={
                    <RequireLogin>
                      <CaseDetailPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/video"
                  element={
                    <RequireLogin>
                      <VideoListPage />
                    </RequireLogin>
                  }
                />
                <Route
                  path="/video/:id"
                  element={
                    <RequireLogin>
                      <VideoRoomPage />
                    </RequireLogin>
                  }
                />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </PageBoundary>
        </main>
      </LargeTextTheme>
    </BrowserRouter>
  );
}
