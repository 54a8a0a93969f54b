// The big screen (数据大屏) at /screen/ for the bureau's hall: 1920×1080, dark, refreshed every
// minute. A separate app so the console does not carry its layout, and it carries no antd.
import './screen.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ScreenApp } from './Screen.tsx';

// Keeps showing the last figures while a refresh fails (the hall's network may blink).
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ScreenApp />
    </QueryClientProvider>
  </StrictMode>,
);
