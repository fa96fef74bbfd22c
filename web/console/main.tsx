import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './console.css';
import { ConsoleApp } from './console-app';
import { registerConsoleMessages } from './console-messages';

registerConsoleMessages();

const container = document.getElementById('root');
if (!container) throw new Error('console.html has no #root');

createRoot(container).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
