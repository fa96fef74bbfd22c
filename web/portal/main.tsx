import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './portal.css';
import { PortalApp } from './portal-app';
import { registerServiceWorker } from './register-service-worker';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <PortalApp />
  </StrictMode>,
);

registerServiceWorker();
