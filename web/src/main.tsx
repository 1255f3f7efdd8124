import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles.css';
import { render } from 'preact';
import { App } from './app';
import { LangProvider } from './i18n/lang';

const root = document.getElementById('app');
if (root) {
  render(
    <LangProvider>
      <App />
    </LangProvider>,
    root,
  );
}
