// The staff console (工作台) at /console/.
import '../shared/i18n.ts';
import './en.ts';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '../shared/providers.tsx';
import { ConsoleApp } from './App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <ConsoleApp />
    </Providers>
  </StrictMode>,
);
