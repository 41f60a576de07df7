import { useEffect } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiRequestError, setUnauthenticatedHandler } from '../shared/api/client';
import { ME_QUERY_KEY } from '../shared/session/session';
import i18n from '../i18n';
import { createAppTheme, cssVariablesResolver } from '../shared/ui/theme';
import { returnFocusAfterDialogs } from '../shared/ui/focus';
import { LazyNotifications } from './LazyNotifications';
import { router } from './router';

const theme = createAppTheme(i18n.t('common.close'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again.
      retry: (count, error) => !(error instanceof ApiRequestError && error.status < 500) && count < 2,
    },
  },
});

// The session ended (expired, signed out elsewhere): forget the user; the layout sends them to sign in.
setUnauthenticatedHandler(() => queryClient.setQueryData(ME_QUERY_KEY, null));

export function App() {
  useEffect(() => returnFocusAfterDialogs(), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <LazyNotifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
