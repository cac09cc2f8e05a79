import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { currentLang } from './i18n';
import './styles/app.css';

document.documentElement.lang = currentLang();

const root = document.getElementById('root');
if (root) createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
