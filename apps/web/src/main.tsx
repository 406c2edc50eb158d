import '@chorus/ui/styles.css';
import './app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { getToken, initAuth, subscribeToAuth } from './auth/auth-store';
import { queryClient } from './queries/query-client';

initAuth();
subscribeToAuth(() => {
  if (!getToken()) queryClient.clear();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain an element with id "root".');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
