import { lazy, Suspense } from 'react';
import {
  AccessDenied,
  AdminContext,
  AuthCallback,
  AuthenticationError,
  CoreAdminUI,
  CustomRoutes,
  Error as ErrorPage,
  Loading,
  LoadingPage,
  NotFound,
  Notification,
  Resource,
} from 'react-admin';
import { CssBaseline } from '@mui/material';
import { Route } from 'react-router-dom';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { store } from './providers/store';
import { Layout } from './layout/Layout';
import { LoginPage } from './pages/LoginPage';
import { Dashboard } from './pages/Dashboard';
import { theme } from './theme';
import accounts from './resources/accounts';
import auditEvents from './resources/audit-events';
import identityCases from './resources/identity-cases';
import mailOutbox from './resources/mail-outbox';
import recoveryCases from './resources/recovery-cases';
import staff from './resources/staff';
import alerts from './resources/alerts';
import activity from './supervision/activity';
import callScripts from './resources/call-scripts';

// Pages off the agent's first screen load on first visit (the layout wraps its routes in <Suspense>).
const MySettingsPage = lazy(() => import('./pages/MySettingsPage').then((m) => ({ default: m.MySettingsPage })));
const SecurityKeysPage = lazy(() => import('./pages/SecurityKeysPage').then((m) => ({ default: m.SecurityKeysPage })));
const CaseStoryPage = lazy(() => import('./resources/case-story/CaseStoryPage').then((m) => ({ default: m.CaseStoryPage })));
const EnrolPage = lazy(() => import('./pages/EnrolPage').then((m) => ({ default: m.EnrolPage })));
const enrolPage = (
  // Outside the layout: its own <Suspense>.
  <Suspense fallback={<Loading />}>
    <EnrolPage />
  </Suspense>
);

const CatchAll = () => <NotFound />;

/*
 * react-admin's <Admin> is <AdminContext> + <AdminUI>, written out here with the same defaults: <Admin> and
 * <AdminUI> reference react-admin's own login form and English messages as default props, which ships
 * react-hook-form and a second copy of the English messages to every visitor even though this console replaces
 * both. Assembled from the parts, the sign-in page needs neither.
 */
export const App = () => (
  <AdminContext authProvider={authProvider} dataProvider={dataProvider} i18nProvider={i18nProvider} store={store} theme={theme}>
    <CssBaseline enableColorScheme>
      <CoreAdminUI
        title="Recovery Desk"
        disableTelemetry
        requireAuth
        layout={Layout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        accessDenied={AccessDenied}
        authCallbackPage={AuthCallback}
        authenticationError={AuthenticationError}
        catchAll={CatchAll}
        error={ErrorPage}
        loading={LoadingPage}
      >
        <Resource name="accounts" {...accounts} />
        <Resource name="audit-events" {...auditEvents} />
        <Resource name="identity-cases" {...identityCases} />
        <Resource name="mail-outbox" {...mailOutbox} />
        <Resource name="recovery-cases" {...recoveryCases} />
        <Resource name="staff" {...staff} />
        <Resource name="alerts" {...alerts} />
        <Resource name="activity" {...activity} />
        <Resource name="call-scripts" {...callScripts} />
        <CustomRoutes>
          <Route path="/my-settings" element={<MySettingsPage />} />
          <Route path="/my-settings/security-keys" element={<SecurityKeysPage />} />
          <Route path="/case-stories/:ref" element={<CaseStoryPage />} />
        </CustomRoutes>
        {/* Outside authentication: a new member has no session before they enrol through their mailed link. */}
        <CustomRoutes noLayout>
          <Route path="/enrol" element={enrolPage} />
          <Route path="/enrol/:token" element={enrolPage} />
        </CustomRoutes>
      </CoreAdminUI>
      <Notification />
    </CssBaseline>
  </AdminContext>
);
