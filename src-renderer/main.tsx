// Entry point of every window (popover, declare, settings): one bundle, the hash picks the view.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { startDeclareProgressSync } from './store/declare-progress-store.js';
import { startNavigation } from './store/navigation-store.js';
import { startSnapshotSync } from './store/snapshot-store.js';
import './styles/theme.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/popover.css';
import './styles/window.css';
import './styles/combobox.css';
import './styles/outbox.css';
import './styles/watch.css';
import './styles/settings.css';
import './styles/incident.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

startNavigation();
startSnapshotSync();
startDeclareProgressSync();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
