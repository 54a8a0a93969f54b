import '../shared/i18n.ts';
import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '../shared/providers.tsx';
import { PortalApp } from './App.tsx';
import './en.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <PortalApp />
    </Providers>
  </StrictMode>,
);
