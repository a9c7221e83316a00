import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

// System fonts only: the console must not fetch anything from outside (no web fonts, no CDN).
const systemFonts = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  '"Liberation Sans"',
  'sans-serif',
].join(', ');

export const monospace = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#2f4858' },
    secondary: { light: '#5c7383', main: '#34495a', dark: '#1f2f3a', contrastText: '#fff' },
    background: { default: '#f4f5f7' },
  },
  typography: {
    ...defaultLightTheme.typography,
    fontFamily: systemFonts,
  },
};
