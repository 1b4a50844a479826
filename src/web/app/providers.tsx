import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { LiveRegionProvider } from '../components/ui/live-region.tsx';
import { ConnectionProvider } from '../lib/api/connection-context.tsx';
import { createQueryClient } from '../lib/query-client.ts';

/** App-wide context: server state (runs and workflows, soon) and the screen-reader announcer. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ConnectionProvider>
        <LiveRegionProvider>{children}</LiveRegionProvider>
      </ConnectionProvider>
    </QueryClientProvider>
  );
}
