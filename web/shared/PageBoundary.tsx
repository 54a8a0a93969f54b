// What the console and the portal show when a page fails to render: in the user's language, what
// happened and how to go on, and the next page opened renders again. ProLayout's own boundary says
// "Something went wrong." in English and keeps saying it on every page after; the portal had none (a
// blank page).
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { addEnglish } from './i18n.ts';

addEnglish({
  页面出错了: 'This page failed to load',
  '请重新加载页面；如仍出错，请联系系统管理员':
    'Reload the page; if it fails again, contact your administrator',
  重新加载: 'Reload',
});

interface Props {
  pathname: string;
  title: string;
  hint: string;
  reload: string;
  children?: ReactNode;
}
interface State {
  error: Error | null;
  /** The page the state belongs to: a new one starts without the error. */
  at: string;
}

class Boundary extends Component<Props, State> {
  override state: State = { error: null, at: '' };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> {
    return state.error && state.at !== props.pathname
      ? { error: null, at: props.pathname }
      : { at: props.pathname };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={`${this.props.hint}（${this.state.error.message}）`}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {this.props.reload}
          </Button>
        }
      />
    );
  }
}

/** Around an app's routes (the console's ProLayout boundary is off): reset when the path changes. */
export function PageBoundary({ children }: { children?: ReactNode }) {
  const { pathname } = useLocation();
  const { t } = useTranslation();
  return (
    <Boundary
      pathname={pathname}
      title={t('页面出错了')}
      hint={t('请重新加载页面；如仍出错，请联系系统管理员')}
      reload={t('重新加载')}
    >
      {children}
    </Boundary>
  );
}
