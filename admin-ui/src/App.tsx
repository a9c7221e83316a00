import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, Resource } from 'react-admin';
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
const CaseStoryPage = lazy(() => import('./resources/case-story/CaseStoryPage').then((m) => ({ default: m.CaseStoryPage })));
const EnrolPage = lazy(() => import('./pages/EnrolPage').then((m) => ({ default: m.EnrolPage })));
const enrolPage = (
  // Outside the layout: its own <Suspense>.
  <Suspense fallback={<Loading />}>
    <EnrolPage />
  </Suspense>
);

export const App = () => (
  <Admin
    title="Recovery Desk"
    disableTelemetry
    requireAuth
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    store={store}
    theme={theme}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
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
      <Route path="/case-stories/:ref" element={<CaseStoryPage />} />
    </CustomRoutes>
    {/* Outside authentication: a new member has no session before they enrol through their mailed link. */}
    <CustomRoutes noLayout>
      <Route path="/enrol" element={enrolPage} />
      <Route path="/enrol/:token" element={enrolPage} />
    </CustomRoutes>
  </Admin>
);
